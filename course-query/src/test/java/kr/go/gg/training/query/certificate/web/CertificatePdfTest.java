package kr.go.gg.training.query.certificate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The certificate read back with PDFBox's text extraction, written with the shipped font alone (a fresh machine). */
class CertificatePdfTest {

    private static final CourseSummary COURSE = new CourseSummary("c-1", "스마트시티 정책 Smart city policy", Program.KOICA,
            Direction.INBOUND, "Iraq", CourseStatus.COMPLETED, 20, 15, LocalDate.of(2016, 8, 23), LocalDate.of(2016, 9, 2));
    private static final CertificatePdf SHIPPED_ONLY = new CertificatePdf(CertificateFonts.of(List.of(), List.of()));

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theCertificateNamesTheTraineeCourseProgrammePartnerPeriodAndIssuerInKoreanAndEnglish() throws IOException {
        String text = text(SHIPPED_ONLY.write(COURSE, "t-1", "Ahmed Al-Rubaie", LocalDate.of(2016, 9, 5)));
        assertThat(text).contains("수료증", "Certificate of Completion", "Ahmed Al-Rubaie",
                "스마트시티 정책 Smart city policy", "KOICA", "Iraq", "2016-08-23", "2016-09-02", "경기도지사",
                "Governor of Gyeonggi-do", "위 사람은 경기도가 실시한 위 연수과정을 수료하였으므로 이 증서를 수여합니다",
                "No. " + CertificatePdf.number(COURSE, "t-1"), "2016-09-05");
        assertThat(text).as("every character of the certificate's own text is in the shipped font").doesNotContain("?");
    }

    @Test
    void theNumberIsTheSameForTheSameTraineeAndDiffersForAnother() {
        assertThat(CertificatePdf.number(COURSE, "t-1")).isEqualTo(CertificatePdf.number(COURSE, "t-1"))
                .matches("GG-2016-[0-9A-F]{10}").isNotEqualTo(CertificatePdf.number(COURSE, "t-2"));
    }

    @Test
    void aCharacterNoFontCoversIsWrittenAsAQuestionMarkAndTheRestAsItIs() throws IOException {
        String text = text(SHIPPED_ONLY.write(COURSE, "t-1", "王小明 Wang Xiaoming", LocalDate.of(2016, 9, 5)));
        assertThat(text).contains("??? Wang Xiaoming");
    }

    @Test
    void aConfiguredFontThatCannotBeReadIsSkipped() throws IOException {
        CertificatePdf pdf = new CertificatePdf(CertificateFonts.of(List.of("/no/such/font.ttf"), List.of()));
        assertThat(text(pdf.write(COURSE, "t-1", "Kim Min-jun", LocalDate.of(2016, 9, 5)))).contains("Kim Min-jun");
    }
}
