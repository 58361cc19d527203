package cn.doorstep.wish.export;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Spreadsheets;
import cn.doorstep.common.Zones;
import cn.doorstep.user.PhoneMask;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import cn.doorstep.wish.WishStatus;
import cn.doorstep.wish.internal.Wish;
import cn.doorstep.wish.internal.WishMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wishes of an admin's communities as a 台账 workbook: one row per wish with its loop (posted,
 * claimed, fulfilled, confirmed, rating), the contact phone masked and the address left out. Read in
 * keyset batches, each with one lookup of its posters and claimers.
 */
@Service
public class WishExport {

    private final WishMapper wishes;
    private final UserService users;

    WishExport(WishMapper wishes, UserService users) {
        this.wishes = wishes;
        this.users = users;
    }

    /** Every field optional; dates are China dates the wish was posted, both included. */
    public record Filter(Long communityId, WishStatus status, LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    public Spreadsheets.Export export(CurrentUser admin, Filter filter) {
        Set<Long> mine = admin.adminCommunityIds();
        Set<Long> scope = filter.communityId() == null ? mine
                : mine.contains(filter.communityId()) ? Set.of(filter.communityId()) : Set.of();
        String status = filter.status() == null ? null : filter.status().name();
        Instant from = Zones.startOf(filter.from());
        Instant until = Zones.endOf(filter.to());
        if (!scope.isEmpty()) {
            Spreadsheets.requireWithinLimit(wishes.countForExport(scope, status, from, until));
        }
        List<String> header = List.of("编号", "社区编号", "网格编号", "标题", "类别", "紧急程度", "状态", "发布人编号",
                "发布人", "代发", "联系人", "联系电话", "认领人编号", "认领人", "发布时间", "认领时间", "完成时间",
                "服务时长", "评分", "确认时间");
        return new Spreadsheets.Export("心愿台账", header, sink -> {
            long after = 0;
            while (!scope.isEmpty()) {
                List<Wish> batch = wishes.selectExportBatch(scope, status, from, until, after, Spreadsheets.BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                Map<Long, UserView> people = users.findAll(batch.stream()
                        .flatMap(w -> Stream.of(w.getPosterId(), w.getClaimerId())).filter(id -> id != null)
                        .distinct().toList());
                sink.accept(batch.stream().map(w -> row(w, people)).toList());
                after = batch.get(batch.size() - 1).getId();
            }
        });
    }

    private static List<Object> row(Wish w, Map<Long, UserView> people) {
        UserView poster = people.get(w.getPosterId());
        UserView claimer = w.getClaimerId() == null ? null : people.get(w.getClaimerId());
        var row = new ArrayList<Object>();
        row.add(w.getId());
        row.add(w.getCommunityId());
        row.add(w.getGridId());
        row.add(w.getTitle());
        row.add(w.getCategory());
        row.add(w.getUrgency());
        row.add(w.getStatus());
        row.add(w.getPosterId());
        row.add(poster == null ? null : poster.nickname());
        row.add(Boolean.TRUE.equals(w.getOnBehalf()) ? "是" : "否");
        row.add(w.getContactName());
        // a wish without its own contact phone is reached at the poster's bound one (stored once, on the user)
        row.add(w.getContactPhone() != null ? PhoneMask.mask(w.getContactPhone()) : poster == null ? null : poster.phone());
        row.add(w.getClaimerId());
        row.add(claimer == null ? null : claimer.nickname());
        row.add(w.getCreatedAt());
        row.add(w.getClaimedAt());
        row.add(w.getFulfilledAt());
        row.add(w.getFulfilHours());
        row.add(w.getRating());
        row.add(w.getConfirmedAt());
        return row;
    }
}
