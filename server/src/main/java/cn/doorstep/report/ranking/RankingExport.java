package cn.doorstep.report.ranking;

import cn.doorstep.common.Spreadsheets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** A week's ranking as a 通报 workbook: the sheet and file are named by its title, one row per ranked unit. */
final class RankingExport {

    private static final List<String> HEADER = List.of("排名", "编号", "名称", "受理数", "办结数", "办结率",
            "平均受理时长(小时)", "平均办结时长(小时)", "评价数", "满意数", "满意率", "超期未办结");

    private RankingExport() {
    }

    static Spreadsheets.Export of(Ranking ranking) {
        List<List<Object>> rows = ranking.rows().stream().map(RankingExport::row).toList();
        return new Spreadsheets.Export(ranking.title(), HEADER, sink -> sink.accept(rows));
    }

    private static List<Object> row(Ranking.Row r) {
        var row = new ArrayList<Object>();
        row.add(r.rank());
        row.add(r.id());
        row.add(r.name());
        row.add(r.filed());
        row.add(r.resolved());
        row.add(percent(r.resolutionRate()));
        row.add(r.meanHoursToAccept());
        row.add(r.meanHoursToResolve());
        row.add(r.rated());
        row.add(r.satisfied());
        row.add(percent(r.satisfaction()));
        row.add(r.overdue());
        return row;
    }

    /** 0.6667 → "66.67%"; null (nothing to divide) stays an empty cell. */
    private static String percent(BigDecimal ratio) {
        return ratio == null ? null : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
