package kr.go.gg.training.query.certificate.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts a certificate is written with, in the order a character is looked up: the TrueType files configured in
 * {@code course.certificate.fonts} (e.g. a CJK font for Chinese names), then the font shipped in the jar
 * ({@code fonts/GGCertificateGothic.ttf}: Latin and the 2,350 common Hangul syllables, OFL, see OFL.txt beside it),
 * then the machine's NanumGothic (more Hanja) and DejaVu Sans (more Latin, Greek, Cyrillic) where they are installed.
 * So a fresh machine with Java alone still writes every certificate; a character no font has is written as
 * {@link #MISSING}. Each font is read once; each document embeds the subset it uses.
 */
public final class CertificateFonts {

    /** What a character no font covers is written as. */
    public static final String MISSING = "?";
    static final String SHIPPED = "/fonts/GGCertificateGothic.ttf";
    static final List<String> SYSTEM = List.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Logger log = LoggerFactory.getLogger(CertificateFonts.class);

    /** One font file: its bytes (embedded per document) and its character map (looked up for each character). */
    record Face(String source, byte[] bytes, CmapLookup cmap) {
        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        PDType0Font load(PDDocument document) throws IOException {
            return PDType0Font.load(document, new ByteArrayInputStream(bytes), true);
        }
    }

    private final List<Face> faces;

    CertificateFonts(List<Face> faces) {
        this.faces = List.copyOf(faces);
    }

    /** {@code configured}: paths of TrueType fonts to try first; one that cannot be read is skipped, with a warning. */
    public static CertificateFonts of(List<String> configured) {
        return of(configured, SYSTEM);
    }

    /** {@code system}: the machine's fonts to try after the shipped one, where they exist. */
    static CertificateFonts of(List<String> configured, List<String> system) {
        List<Face> faces = new ArrayList<>();
        configured.stream().filter(path -> !path.isBlank()).forEach(path -> file(Path.of(path.strip()), true, faces));
        try (InputStream shipped = CertificateFonts.class.getResourceAsStream(SHIPPED)) {
            if (shipped == null) {
                throw new IllegalStateException("The certificate font " + SHIPPED + " is missing from the build");
            }
            faces.add(face(SHIPPED, shipped.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        system.forEach(path -> file(Path.of(path), false, faces));
        return new CertificateFonts(faces);
    }

    List<Face> faces() {
        return faces;
    }

    /** The first font that covers the character, or -1. */
    int faceFor(int codePoint) {
        for (int i = 0; i < faces.size(); i++) {
            if (faces.get(i).covers(codePoint)) {
                return i;
            }
        }
        return -1;
    }

    private static void file(Path path, boolean configured, List<Face> faces) {
        if (!configured && !Files.isReadable(path)) {
            return; // a system font this machine does not have
        }
        try {
            faces.add(face(path.toString(), Files.readAllBytes(path)));
        } catch (IOException | RuntimeException e) {
            log.warn("Certificate font {} cannot be read ({}); certificates are written without it", path, e.toString());
        }
    }

    private static Face face(String source, byte[] bytes) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        return new Face(source, bytes, font.getUnicodeCmapLookup());
    }
}
