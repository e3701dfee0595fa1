package kr.go.gg.training.query.certificate.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.Program;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A certificate of completion, in Korean and English, on one A4 page (PDFBox). Each run of characters is written with
 * the first of {@link CertificateFonts} that has them; a character none has is written as {@link CertificateFonts#MISSING}.
 * The number is derived from the course and the trainee, so every copy of one trainee's certificate bears the same.
 */
public final class CertificatePdf {

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float MARGIN = 72;

    private final CertificateFonts fonts;

    public CertificatePdf(CertificateFonts fonts) {
        this.fonts = fonts;
    }

    /** GG-<training year>-<10 hex digits of SHA-256 over course and trainee id>: stable, and no personal data. */
    public static String number(CourseSummary course, String traineeId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((course.courseId() + "/" + traineeId).getBytes(StandardCharsets.UTF_8));
            return "GG-" + course.startDate().getYear() + "-"
                    + HexFormat.of().formatHex(digest, 0, 5).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] write(CourseSummary course, String traineeId, String name, LocalDate issuedOn) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            describe(document, course, name);
            Writer writer = new Writer(document, page);
            try (writer.stream) {
                writer.centred("수료증", 30, 770);
                writer.centred("Certificate of Completion", 20, 736);
                writer.centred("No. " + number(course, traineeId), 11, 712);
                float y = 650;
                for (String[] line : lines(course, name, issuedOn)) {
                    writer.left(line[0], 10, y);
                    writer.left(line[1], 13, y - 16);
                    y -= 44;
                }
                writer.centred("위 사람은 경기도가 실시한 위 연수과정을 수료하였으므로 이 증서를 수여합니다.", 11, y - 10);
                writer.centred("This is to certify that the above-named has completed the training course above,", 11, y - 30);
                writer.centred("conducted by Gyeonggi-do, Republic of Korea.", 11, y - 46);
                writer.centred("경기도지사  Governor of Gyeonggi-do", 16, 110);
                writer.centred("경기도 (Gyeonggi Provincial Government), Republic of Korea", 10, 88);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> lines(CourseSummary course, String name, LocalDate issuedOn) {
        return List.of(
                new String[] {"성명  Name", name},
                new String[] {"과정명  Course", course.title()},
                new String[] {"연수사업  Programme", programme(course.program())},
                new String[] {"협력 기관·국가  Partner", course.partner()},
                new String[] {"연수기간  Training period", course.startDate() + " – " + course.endDate()},
                new String[] {"발급기관 · 발급일  Issued by · on", "경기도 Gyeonggi-do · " + issuedOn});
    }

    private static String programme(Program program) {
        return program == Program.KOICA
                ? "개발도상국 공무원 초청연수 (KOICA)  Training of public officials of developing countries"
                : "한중 공무원 교류연수  Exchange and training of public officials, Korea and China";
    }

    private static void describe(PDDocument document, CourseSummary course, String name) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Certificate of Completion: " + course.title());
        info.setAuthor("Gyeonggi-do");
        info.setSubject(name);
        document.getDocumentCatalog().setLanguage("ko");
    }

    /** Writes text in runs of one font each, loading a font into the document the first time it is needed. */
    private final class Writer {
        private final PDDocument document;
        private final PDPageContentStream stream;
        private final Map<Integer, PDType0Font> loaded = new HashMap<>();

        Writer(PDDocument document, PDPage page) throws IOException {
            this.document = document;
            this.stream = new PDPageContentStream(document, page);
        }

        void centred(String text, float size, float y) throws IOException {
            List<Run> runs = runs(text);
            float fitted = fitted(runs, size);
            write(runs, fitted, (WIDTH - width(runs, fitted)) / 2, y);
        }

        /** A long value (a title of 200 characters) is written smaller, so it stays on the page. */
        void left(String text, float size, float y) throws IOException {
            List<Run> runs = runs(text);
            write(runs, fitted(runs, size), MARGIN, y);
        }

        private static float fitted(List<Run> runs, float size) throws IOException {
            float width = width(runs, size);
            return width <= WIDTH - 2 * MARGIN ? size : size * (WIDTH - 2 * MARGIN) / width;
        }

        private static float width(List<Run> runs, float size) throws IOException {
            float width = 0;
            for (Run run : runs) {
                width += run.font.getStringWidth(run.text) / 1000 * size;
            }
            return width;
        }

        private void write(List<Run> runs, float size, float x, float y) throws IOException {
            stream.beginText();
            stream.newLineAtOffset(x, y);
            for (Run run : runs) {
                stream.setFont(run.font, size);
                stream.showText(run.text);
            }
            stream.endText();
        }

        private List<Run> runs(String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int currentFace = -2;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int codePoint = text.codePointAt(i);
                int face = fonts.faceFor(codePoint);
                String shown = face < 0 ? CertificateFonts.MISSING : Character.toString(codePoint);
                if (face < 0) {
                    face = fonts.faceFor(CertificateFonts.MISSING.codePointAt(0));
                }
                if (face != currentFace && current.length() > 0) {
                    runs.add(new Run(font(currentFace), current.toString()));
                    current.setLength(0);
                }
                currentFace = face;
                current.append(shown);
            }
            if (current.length() > 0) {
                runs.add(new Run(font(currentFace), current.toString()));
            }
            return runs;
        }

        private PDType0Font font(int face) throws IOException {
            PDType0Font font = loaded.get(face);
            if (font == null) {
                font = fonts.faces().get(face).load(document);
                loaded.put(face, font);
            }
            return font;
        }
    }

    private record Run(PDType0Font font, String text) {
    }
}
