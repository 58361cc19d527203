package cn.doorstep.points.statement;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.RandomCodes;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.points.PointsError;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.StatementIssued;
import cn.doorstep.points.statement.internal.StatementLine;
import cn.doorstep.points.statement.internal.StatementMapper;
import cn.doorstep.points.statement.internal.StatementRow;
import cn.doorstep.user.RegisteredNames;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双积分 statements: a rider or volunteer issues one for a period and hands its code to their
 * employer, who reads it without an account. The totals are taken from the ledger when it is issued.
 */
@Service
public class Statements {

    /** No 0/O, 1/I/L: codes are read aloud and typed. 31^12 ≈ 2^59 codes. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 12;
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + CODE_LENGTH + "}");
    private static final String UNNAMED = "—";

    private final StatementMapper statements;
    private final UserService users;
    private final CommunityService communities;
    private final List<RegisteredNames> registeredNames;
    private final RateLimiter rateLimiter;
    private final StatementProperties properties;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    Statements(StatementMapper statements, UserService users, CommunityService communities,
               List<RegisteredNames> registeredNames, RateLimiter rateLimiter, StatementProperties properties,
               Clock clock,
               ApplicationEventPublisher events) {
        this.events = events;
        this.statements = statements;
        this.users = users;
        this.communities = communities;
        this.registeredNames = registeredNames;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public StatementView issue(long userId, StatementRequest period) {
        checkPeriod(period);
        rateLimiter.hit("statement-issue", "user:" + userId, properties.issuesPerDay(), Duration.ofDays(1));
        UserView user = users.get(userId);
        Optional<String> registered = registeredNames.stream()
                .flatMap(names -> names.registeredName(userId).stream()).findFirst();
        Optional<CommunityView> community = Optional.ofNullable(user.communityId()).flatMap(communities::find);

        List<StatementLine> lines = statements.selectEarnedBetween(userId, startOf(period.from()),
                startOf(period.to().plusDays(1)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var row = new StatementRow();
        row.setUserId(userId);
        row.setPeriodFrom(period.from());
        row.setPeriodTo(period.to());
        row.setHolderName(registered.or(() -> Optional.ofNullable(user.nickname())).filter(n -> !n.isBlank())
                .orElse(UNNAMED));
        row.setNameVerified(registered.isPresent());
        row.setCommunityId(community.map(CommunityView::id).orElse(null));
        row.setCommunityName(community.map(CommunityView::name).orElse(null));
        row.setTotalPoints(lines.stream().mapToLong(StatementLine::getPoints).sum());
        row.setIssuedAt(now);
        row.setExpiresAt(now.plus(properties.validFor()));
        insertWithFreshCode(row);
        if (row.getCommunityId() != null) {
            events.publishEvent(new StatementIssued(row.getCommunityId(), LocalDate.ofInstant(now, Zones.CHINA)));
        }
        for (StatementLine line : lines) {
            line.setStatementId(row.getId());
            statements.insertLine(line);
        }
        return view(row, lines);
    }

    /** The public read: an active statement, or 404 for an unknown, revoked or expired code alike. */
    @Transactional(readOnly = true)
    public StatementView read(String code, String clientAddress) {
        rateLimiter.hit("statement-read", clientAddress, properties.readsPerMinute(), Duration.ofMinutes(1));
        StatementRow row = code != null && CODE.matcher(code).matches() ? statements.selectByCode(code) : null;
        if (row == null || status(row) != StatementView.Status.ACTIVE) {
            throw new ApiException(PointsError.STATEMENT_NOT_FOUND);
        }
        return view(row, statements.selectLines(row.getId()));
    }

    @Transactional(readOnly = true)
    public PageResult<StatementView> mine(long userId, PageQuery page) {
        Page<StatementRow> rows = statements.selectNewestFirst(userId, new Page<>(page.page(), page.size()));
        List<StatementRow> found = rows.getRecords();
        Map<Long, List<StatementLine>> lines = found.isEmpty() ? Map.of()
                : statements.selectLinesOf(found.stream().map(StatementRow::getId).toList()).stream()
                .collect(Collectors.groupingBy(StatementLine::getStatementId));
        return PageResult.of(found.stream().map(r -> view(r, lines.getOrDefault(r.getId(), List.of()))).toList(),
                rows.getTotal(), page);
    }

    /** Revokes one of the owner's statements; revoking again answers the same. Others' codes: 404. */
    @Transactional
    public StatementView revoke(long userId, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ApiException(PointsError.STATEMENT_NOT_FOUND);
        }
        statements.revoke(code, userId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        StatementRow row = statements.selectByCode(code);
        if (row == null || row.getUserId() != userId) {
            throw new ApiException(PointsError.STATEMENT_NOT_FOUND);
        }
        return view(row, statements.selectLines(row.getId()));
    }

    private void checkPeriod(StatementRequest period) {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        if (period.to().isBefore(period.from())) {
            throw ApiException.badField(PointsError.BAD_PERIOD, "to", "must not be before from");
        }
        if (period.to().isAfter(today)) {
            throw ApiException.badField(PointsError.BAD_PERIOD, "to", "must not be after today (China time)");
        }
        if (ChronoUnit.DAYS.between(period.from(), period.to()) + 1 > properties.maxDays()) {
            throw ApiException.badField(PointsError.BAD_PERIOD, "from",
                    "a statement covers at most " + properties.maxDays() + " days");
        }
    }

    private void insertWithFreshCode(StatementRow row) {
        for (int attempt = 1; ; attempt++) {
            row.setCode(RandomCodes.of(ALPHABET, CODE_LENGTH));
            try {
                statements.insert(row);
                return;
            } catch (DuplicateKeyException collision) {
                if (attempt == 3) {
                    throw collision;
                }
            }
        }
    }


    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Zones.CHINA).toInstant();
    }

    private StatementView.Status status(StatementRow row) {
        if (row.getRevokedAt() != null) {
            return StatementView.Status.REVOKED;
        }
        return clock.instant().isBefore(row.getExpiresAt()) ? StatementView.Status.ACTIVE : StatementView.Status.EXPIRED;
    }

    private StatementView view(StatementRow row, List<StatementLine> lines) {
        List<StatementView.Line> viewLines = lines.stream().map(l -> new StatementView.Line(
                PointsReason.valueOf(l.getKind()), l.getEntries(), l.getPoints(), l.getHours())).toList();
        BigDecimal hours = lines.stream().map(StatementLine::getHours).filter(h -> h != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new StatementView(row.getCode(), row.getHolderName(), Boolean.TRUE.equals(row.getNameVerified()),
                row.getCommunityId(), row.getCommunityName(), row.getPeriodFrom(), row.getPeriodTo(), viewLines,
                row.getTotalPoints(), hours, row.getIssuedAt(), row.getExpiresAt(), status(row));
    }
}
