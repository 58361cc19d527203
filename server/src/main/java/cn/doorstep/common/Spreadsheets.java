package cn.doorstep.common;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.support.ExcelTypeEnum;
import cn.idev.excel.write.metadata.WriteSheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * 台账: a list exported as an xlsx workbook for the community's office. Written row by row (FastExcel
 * over POI's streaming workbook, which keeps a window of rows in memory and the rest in a temporary
 * file) from rows the feature reads in keyset batches, so an export costs the same memory at 10 rows
 * as at {@link #MAX_ROWS}. A text cell that a spreadsheet would read as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe; instants are
 * written in China time. Phones are the feature's to mask before they get here.
 */
public final class Spreadsheets {

    /** The most rows one export may have; more is a 400 asking for narrower filters. */
    public static final int MAX_ROWS = 50_000;
    /** How many rows a feature should read per batch. */
    public static final int BATCH = 1_000;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Zones.CHINA);

    private Spreadsheets() {
    }

    /**
     * One export: the file's name (without {@code .xlsx}), the column titles, and the rows, handed
     * over in batches by {@code rows} (each inner list one row, in the titles' order).
     */
    public record Export(String name, List<String> header, Consumer<Consumer<List<List<Object>>>> rows) {
    }

    /** Refuses an export of more than {@link #MAX_ROWS} rows (400, naming the date range to narrow). */
    public static void requireWithinLimit(long rows) {
        if (rows > MAX_ROWS) {
            throw ApiException.badField(CommonError.EXPORT_TOO_LARGE, "from", "the export would have " + rows
                    + " rows, more than " + MAX_ROWS + ": narrow the dates or the filters");
        }
    }

    /** Streams the workbook as the reply, as an attachment named after the export. */
    public static void send(Export export, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        String file = URLEncoder.encode(export.name() + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + file);
        response.setHeader("Cache-Control", "no-store");
        write(export, response.getOutputStream());
        response.flushBuffer();
    }

    /** Writes the workbook to {@code out} (left open). */
    public static void write(Export export, OutputStream out) {
        List<List<String>> head = export.header().stream().map(List::of).toList();
        try (ExcelWriter writer = FastExcel.write(out).excelType(ExcelTypeEnum.XLSX).head(head).autoCloseStream(false)
                .autoTrim(false).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, export.name()).build();
            boolean[] wrote = {false};
            export.rows().accept(batch -> {
                writer.write(batch.stream().map(Spreadsheets::cells).toList(), sheet);
                wrote[0] = true;
            });
            if (!wrote[0]) {
                writer.write(List.of(), sheet); // the titles alone
            }
        }
    }

    private static List<Object> cells(List<Object> row) {
        var cells = new ArrayList<Object>(row.size());
        for (Object value : row) {
            cells.add(cell(value));
        }
        return cells;
    }

    /** What one value becomes in a cell: numbers stay numbers, everything else is text, escaped. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return SHOWN.format(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        String text = value instanceof TemporalAccessor t ? t.toString() : value.toString();
        return escape(text);
    }

    /** A text a spreadsheet would take for a formula, made inert with a leading apostrophe. */
    public static String escape(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
