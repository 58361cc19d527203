package cn.doorstep.reward;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.media.ImageCheck;
import cn.doorstep.media.MediaService;
import cn.doorstep.reward.RewardRequests.NewReward;
import cn.doorstep.reward.RewardRequests.RewardChange;
import cn.doorstep.reward.internal.Reward;
import cn.doorstep.reward.internal.RewardMapper;
import cn.doorstep.reward.internal.StockGate;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationDirectory;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: community admins keep their community's rewards (each at one of its stations);
 * residents see the active ones inside their availability window. The stock is set at creation and
 * then moves only by restocks (recorded in {@code reward_stock_in}) and redemptions.
 */
@Service
public class RewardCatalogue {

    private final RewardMapper rewards;
    private final StationDirectory stations;
    private final StockGate gate;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final MediaService media;
    private final Clock clock;

    RewardCatalogue(RewardMapper rewards, StationDirectory stations, StockGate gate, AuditLog audit, ObjectMapper json,
                    MediaService media, Clock clock) {
        this.media = media;
        this.rewards = rewards;
        this.stations = stations;
        this.gate = gate;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    // ---- residents ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<RewardView> available(Long communityId, Long stationId, PageQuery page) {
        if (communityId == null && stationId == null) {
            throw ApiException.badField(RewardError.WHERE_REQUIRED, "communityId", "communityId or stationId is required");
        }
        Page<Reward> rows = rewards.selectAvailable(communityId, stationId, clock.instant(),
                new Page<>(page.page(), page.size()));
        return PageResult.of(forResidents(rows.getRecords()), rows.getTotal(), page);
    }

    /** One reward for residents: 404 once withdrawn. */
    @Transactional(readOnly = true)
    public RewardView one(long id) {
        Reward reward = rewards.selectById(id);
        if (reward == null || !RewardStatus.ACTIVE.name().equals(reward.getStatus())) {
            throw new ApiException(RewardError.REWARD_NOT_FOUND);
        }
        return forResidents(List.of(reward)).get(0);
    }

    /** Views for residents: photos WeChat's media check has not passed are left out (one query for the page). */
    private List<RewardView> forResidents(List<Reward> rows) {
        List<RewardView> views = rows.stream().map(this::view).toList();
        Map<String, ImageCheck> checks = media.checksOf(views.stream().flatMap(v -> v.photos().stream()).toList());
        return views.stream().map(v -> v.withPhotos(v.photos().stream()
                .filter(url -> checks.get(url) == ImageCheck.PASSED).toList())).toList();
    }

    // ---- admins ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<RewardView> ofCommunity(CurrentUser admin, long communityId, RewardStatus status, PageQuery page) {
        requireAdmin(admin, communityId);
        Page<Reward> rows = rewards.selectOfCommunity(communityId, status == null ? null : status.name(),
                new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(this::view).toList(), rows.getTotal(), page);
    }

    @Transactional(readOnly = true)
    public RewardView forAdmin(CurrentUser admin, long id) {
        return view(requireOwn(admin, id));
    }

    @Transactional
    public RewardView create(CurrentUser admin, NewReward request) {
        checkWindow(request.availableFrom(), request.availableUntil());
        StationRef station = stationFor(admin, request.stationId());
        var reward = new Reward();
        reward.setCommunityId(station.communityId());
        reward.setStationId(station.id());
        reward.setKind(request.kind().name());
        reward.setName(request.name().strip());
        reward.setDescription(blankToNull(request.description()));
        reward.setPointsPrice(request.pointsPrice());
        reward.setStock(request.stock());
        reward.setPerUserLimit(request.perUserLimit());
        reward.setAvailableFrom(request.availableFrom());
        reward.setAvailableUntil(request.availableUntil());
        reward.setPhotos(photos(request.photos()));
        reward.setStatus(RewardStatus.ACTIVE.name());
        reward.setCreatedBy(admin.id());
        rewards.insert(reward);
        if (request.stock() > 0) {
            rewards.addStockIn(reward.getId(), request.stock(), "INITIAL", "initial", admin.id(), clock.instant());
        }
        audit.record(admin.id(), reward.getCommunityId(), "reward.create", "reward", reward.getId(),
                "stock " + request.stock());
        return view(rewards.selectById(reward.getId()));
    }

    @Transactional
    public RewardView change(CurrentUser admin, long id, RewardChange request) {
        Reward reward = requireOwn(admin, id);
        checkWindow(request.availableFrom(), request.availableUntil());
        StationRef station = stationFor(admin, request.stationId());
        // every field is set, so a value the admin cleared is cleared (updateById would skip nulls)
        rewards.update(null, new LambdaUpdateWrapper<Reward>().eq(Reward::getId, reward.getId())
                .set(Reward::getCommunityId, station.communityId())
                .set(Reward::getStationId, station.id())
                .set(Reward::getKind, request.kind().name())
                .set(Reward::getName, request.name().strip())
                .set(Reward::getDescription, blankToNull(request.description()))
                .set(Reward::getPointsPrice, request.pointsPrice())
                .set(Reward::getPerUserLimit, request.perUserLimit())
                .set(Reward::getAvailableFrom, request.availableFrom())
                .set(Reward::getAvailableUntil, request.availableUntil())
                .set(Reward::getPhotos, photos(request.photos()))
                .set(Reward::getUpdatedAt, clock.instant()));
        audit.record(admin.id(), station.communityId(), "reward.change", "reward", id,
                Objects.equals(reward.getStationId(), station.id()) ? null : "station " + station.id());
        return view(rewards.selectById(id));
    }

    /** Takes the reward off the catalogue (WITHDRAWN) or puts it back (ACTIVE); redemptions made stay. */
    @Transactional
    public RewardView setStatus(CurrentUser admin, long id, RewardStatus to) {
        Reward reward = requireOwn(admin, id);
        RewardStatus from = to == RewardStatus.ACTIVE ? RewardStatus.WITHDRAWN : RewardStatus.ACTIVE;
        if (rewards.changeStatus(id, from.name(), to.name(), clock.instant()) == 0) {
            throw new ApiException(RewardError.REWARD_STATE, "The reward is " + reward.getStatus() + " already",
                    Map.of("status", reward.getStatus()));
        }
        audit.record(admin.id(), reward.getCommunityId(), to == RewardStatus.ACTIVE ? "reward.reinstate" : "reward.withdraw",
                "reward", id, null);
        return view(rewards.selectById(id));
    }

    /**
     * Adds stock, once per Idempotency-Key (the {@code reward_stock_in} row's unique reference holds
     * even when Redis forgot the key). Redis follows after the commit.
     */
    @Transactional
    public RewardView restock(CurrentUser admin, long id, int quantity, String key) {
        Reward reward = requireOwn(admin, id);
        String ref = "restock:" + admin.id() + ":" + key;
        if (rewards.countStockIn(id, ref) == 0) {
            rewards.addStockIn(id, quantity, "RESTOCK", ref, admin.id(), clock.instant());
            audit.record(admin.id(), reward.getCommunityId(), "reward.restock", "reward", id, "+" + quantity);
            rewards.giveBack(id, quantity); // the reward's row last, as in a redemption
            AfterCommit.run(() -> gate.giveBackAfterCommit(id, quantity));
        }
        return view(rewards.selectById(id));
    }

    // ---- shared ---------------------------------------------------------------------------------

    private Reward requireOwn(CurrentUser admin, long id) {
        Reward reward = rewards.selectById(id);
        // another community's reward is simply not found: an admin is never told what exists outside their scope
        if (reward == null || !admin.isAdminOf(reward.getCommunityId())) {
            throw new ApiException(RewardError.REWARD_NOT_FOUND);
        }
        return reward;
    }

    private static void requireAdmin(CurrentUser admin, long communityId) {
        if (!admin.isAdminOf(communityId)) {
            throw new ApiException(RewardError.NOT_COMMUNITY_ADMIN);
        }
    }

    /** The station a reward is collected at: it must exist (400) and be of the admin's community (403). */
    private StationRef stationFor(CurrentUser admin, long stationId) {
        StationRef station = stations.find(stationId).orElseThrow(() ->
                ApiException.badField(RewardError.UNKNOWN_STATION, "stationId", "no such station"));
        requireAdmin(admin, station.communityId());
        return station;
    }

    private static void checkWindow(Instant from, Instant until) {
        if (from != null && until != null && !until.isAfter(from)) {
            throw ApiException.badField(RewardError.BAD_WINDOW, "availableUntil", "must be after availableFrom");
        }
    }

    RewardView view(Reward r) {
        Instant now = clock.instant();
        boolean open = RewardStatus.ACTIVE.name().equals(r.getStatus())
                && (r.getAvailableFrom() == null || !r.getAvailableFrom().isAfter(now))
                && (r.getAvailableUntil() == null || r.getAvailableUntil().isAfter(now));
        return new RewardView(r.getId(), r.getCommunityId(), r.getStationId(), RewardKind.valueOf(r.getKind()),
                r.getName(), r.getDescription(), r.getPointsPrice(), r.getStock(), r.getPerUserLimit(),
                r.getAvailableFrom(), r.getAvailableUntil(), photos(r.getPhotos()), RewardStatus.valueOf(r.getStatus()),
                open && r.getStock() > 0);
    }

    private String photos(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(urls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always writable", e);
        }
    }

    private List<String> photos(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored photos are always readable", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
