package cn.doorstep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Opens an exported xlsx reply and reads its first sheet back as text, row by row. */
public final class Workbooks {

    private Workbooks() {
    }

    /** The first sheet's rows (titles first), each cell as shown; asserts the reply is an xlsx attachment. */
    public static List<List<String>> rows(MvcTestResult reply) {
        assertThat(reply).hasStatusOk();
        assertThat(reply.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(reply.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            var shown = new DataFormatter();
            var rows = new ArrayList<List<String>>();
            for (Row row : sheet) {
                var cells = new ArrayList<String>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    assertThat(cell == null || cell.getCellType() != CellType.FORMULA)
                            .as("no cell of an export is a formula").isTrue();
                    cells.add(cell == null ? "" : shown.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
