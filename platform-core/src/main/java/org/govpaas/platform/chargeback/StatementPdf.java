package org.govpaas.platform.chargeback;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A statement as a PDF: department, period, status, every line, subtotal, tax and total, in the
 * reader's language. Chinese needs a font with CJK glyphs: the first of {@code
 * govpaas.chargeback.pdf-fonts} found on the machine; without one the PDF is written in English
 * with a standard font, never with missing characters.
 */
@Service
public class StatementPdf {

    private final MessageSource messages;
    private final List<String> fontCandidates;

    StatementPdf(MessageSource messages, @Value("${govpaas.chargeback.pdf-fonts:"
            + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,"
            + "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
            + "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,"
            + "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf}") List<String> fontCandidates) {
        this.messages = messages;
        this.fontCandidates = fontCandidates;
    }

    public byte[] write(Statement s, Locale requested) {
        BaseFont base = cjkFont();
        Locale locale = base == null ? Locale.ENGLISH : requested;
        try {
            if (base == null) {
                base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            }
            Font normal = new Font(base, 9);
            Font bold = new Font(base, 9, Font.BOLD);
            Font title = new Font(base, 16, Font.BOLD);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle(text("statement.pdf.title", locale, s.period()));
            doc.add(new Paragraph(text("statement.pdf.title", locale, s.period()), title));
            String name = "en".equals(locale.getLanguage()) ? s.departmentNameEn() : s.departmentNameZh();
            doc.add(new Paragraph(text("statement.department", locale) + ": " + name + " (" + s.department() + ")", normal));
            doc.add(new Paragraph(text("statement.period", locale) + ": " + s.period(), normal));
            doc.add(new Paragraph(text("statement.status", locale) + ": " + text("statement.status." + s.status(), locale), normal));
            doc.add(new Paragraph(" ", normal));
            String[] headers = {"statement.app", "statement.isolation", "statement.component", "statement.quantity",
                    "statement.unit", "statement.rate", "statement.multiplier", "statement.amount"};
            PdfPTable table = new PdfPTable(headers.length);
            table.setWidthPercentage(100);
            for (String header : headers) {
                table.addCell(new PdfPCell(new Phrase(text(header, locale), bold)));
            }
            for (StatementLine l : s.lines()) {
                table.addCell(new Phrase(l.app() == null ? "" : l.app(), normal));
                table.addCell(new Phrase(l.isolation() == null ? "" : l.isolation(), normal));
                table.addCell(new Phrase(text("statement.component." + l.component(), locale)
                        + (l.note() == null ? "" : ": " + l.note()), normal));
                table.addCell(number(l.quantity(), normal));
                table.addCell(new Phrase(text("statement.unit." + l.component(), locale), normal));
                table.addCell(number(l.component() == Component.ADJUSTMENT ? null : l.rate(), normal));
                table.addCell(number(l.multiplier(), normal));
                table.addCell(number(l.amount(), normal));
            }
            total(table, text("statement.subtotal", locale), s.subtotal(), bold, headers.length);
            total(table, text("statement.tax", locale) + " (" + s.taxRate().movePointRight(2).stripTrailingZeros()
                    .toPlainString() + "%)", s.tax(), bold, headers.length);
            total(table, text("statement.total", locale) + " (CNY)", s.total(), bold, headers.length);
            doc.add(table);
            doc.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the statement PDF", e);
        }
    }

    private static void total(PdfPTable table, String label, BigDecimal amount, Font font, int columns) {
        PdfPCell cell = new PdfPCell(new Phrase(label, font));
        cell.setColspan(columns - 1);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
        table.addCell(number(amount, font));
    }

    private static PdfPCell number(BigDecimal value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value.toPlainString(), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private BaseFont cjkFont() {
        for (String candidate : fontCandidates) {
            if (candidate.isBlank() || !Files.isRegularFile(Path.of(candidate))) {
                continue;
            }
            try {
                String name = candidate.endsWith(".ttc") ? candidate + ",0" : candidate;
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (Exception unusable) {
                // try the next one
            }
        }
        return null;
    }
}
