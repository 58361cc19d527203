package cn.doorstep.points.export;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Spreadsheets;
import cn.doorstep.common.Zones;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.internal.LedgerEntry;
import cn.doorstep.points.internal.LedgerMapper;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger of an admin's communities (every entry recorded there: earned, spent, refunded,
 * adjusted, expired) as a 台账 workbook, one row per entry, the users' phones masked. Read in keyset
 * batches, each with one lookup of its users.
 */
@Service
public class LedgerExport {

    private final LedgerMapper ledger;
    private final UserService users;

    LedgerExport(LedgerMapper ledger, UserService users) {
        this.ledger = ledger;
        this.users = users;
    }

    /** Every field optional; dates are China dates of the entry, both included. */
    public record Filter(Long communityId, PointsReason reason, LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    public Spreadsheets.Export export(CurrentUser admin, Filter filter) {
        Set<Long> mine = admin.adminCommunityIds();
        Set<Long> scope = filter.communityId() == null ? mine
                : mine.contains(filter.communityId()) ? Set.of(filter.communityId()) : Set.of();
        String reason = filter.reason() == null ? null : filter.reason().name();
        Instant from = Zones.startOf(filter.from());
        Instant until = Zones.endOf(filter.to());
        if (!scope.isEmpty()) {
            Spreadsheets.requireWithinLimit(ledger.countForExport(scope, reason, from, until));
        }
        List<String> header = List.of("流水号", "用户编号", "昵称", "手机", "变动", "变动后余额", "原因", "关联类型",
                "关联编号", "社区编号", "操作人编号", "服务时长", "备注", "时间");
        return new Spreadsheets.Export("积分台账", header, sink -> {
            long after = 0;
            while (!scope.isEmpty()) {
                List<LedgerEntry> batch = ledger.selectExportBatch(scope, reason, from, until, after, Spreadsheets.BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                Map<Long, UserView> people = users.findAll(batch.stream().map(LedgerEntry::getUserId).distinct().toList());
                sink.accept(batch.stream().map(e -> row(e, people.get(e.getUserId()))).toList());
                after = batch.get(batch.size() - 1).getId();
            }
        });
    }

    private static List<Object> row(LedgerEntry e, UserView user) {
        var row = new ArrayList<Object>();
        row.add(e.getId());
        row.add(e.getUserId());
        row.add(user == null ? null : user.nickname());
        row.add(user == null ? null : user.phone());
        row.add(e.getDelta());
        row.add(e.getBalanceAfter());
        row.add(e.getReason());
        row.add(e.getRefType());
        row.add(e.getRefId());
        row.add(e.getCommunityId());
        row.add(e.getOperatorId());
        row.add(e.getHours());
        row.add(e.getMemo());
        row.add(e.getCreatedAt());
        return row;
    }
}
