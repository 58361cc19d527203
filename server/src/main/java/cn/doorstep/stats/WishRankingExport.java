package cn.doorstep.stats;

import cn.doorstep.common.Spreadsheets;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** A week's wish ranking as a 通报 workbook: the sheet and file named by its title, one row per community. */
final class WishRankingExport {

    private static final List<String> HEADER = List.of("排名", "编号", "社区", "发布数", "办结数", "办结率",
            "认领用时中位数(分钟)", "平均评分");

    private WishRankingExport() {
    }

    static Spreadsheets.Export of(WishRanking ranking) {
        List<List<Object>> rows = ranking.rows().stream().map(WishRankingExport::row).toList();
        return new Spreadsheets.Export(ranking.title(), HEADER, sink -> sink.accept(rows));
    }

    private static List<Object> row(WishRanking.WishRankingRow r) {
        var row = new ArrayList<Object>();
        row.add(r.rank());
        row.add(r.communityId());
        row.add(r.name());
        row.add(r.posted());
        row.add(r.confirmed());
        row.add(r.completionRate() == null ? null
                : r.completionRate().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%");
        row.add(r.medianMinutesToClaim());
        row.add(r.averageRating() == null ? null : r.averageRating().setScale(2, RoundingMode.HALF_UP));
        return row;
    }
}
