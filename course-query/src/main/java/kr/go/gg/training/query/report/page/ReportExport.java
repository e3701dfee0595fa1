package kr.go.gg.training.query.report.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import kr.go.gg.training.query.platform.page.KoreanDates;
import kr.go.gg.training.query.platform.page.WebPage;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's table as CSV (UTF-8 with a BOM, so spreadsheet programs read the Korean) and as XLSX (Apache POI). */
@Controller
@WebPage
public class ReportExport {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardPage dashboard;
    private final MessageSource messages;
    private final KoreanDates dates;

    public ReportExport(DashboardPage dashboard, MessageSource messages, KoreanDates dates) {
        this.dashboard = dashboard;
        this.messages = messages;
        this.dates = dates;
    }

    @GetMapping("/report/csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                                      Locale locale) {
        ReportLayout layout = new ReportLayout(messages, locale, dates);
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, List.copyOf(layout.header()));
        for (ReportTable.Line line : dashboard.report(from, to).lines()) {
            line(csv, layout.cells(line));
        }
        return file(csv.toString().getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8), "csv");
    }

    @GetMapping("/report/xlsx")
    public ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                                       Locale locale) throws IOException {
        ReportLayout layout = new ReportLayout(messages, locale, dates);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(layout.text("report.sheet"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            write(sheet.createRow(0), List.copyOf(layout.header()), bold);
            int index = 1;
            for (ReportTable.Line line : dashboard.report(from, to).lines()) {
                write(sheet.createRow(index++), layout.cells(line), line.kind() == ReportTable.Kind.ROW ? null : bold);
            }
            for (int column = 0; column < 6; column++) {
                sheet.setColumnWidth(column, column == 0 ? 40 * 256 : 20 * 256);
            }
            workbook.write(out);
            return file(out.toByteArray(), XLSX, "xlsx");
        }
    }

    private static void write(Row row, List<Object> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            var cell = row.createCell(i);
            if (cells.get(i) instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(cells.get(i)));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String text = String.valueOf(cells.get(i));
            csv.append(i == 0 ? "" : ",").append(text.matches(".*[,\"\\r\\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        csv.append("\r\n");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("yearly-performance." + extension).build().toString())
                .body(body);
    }
}
