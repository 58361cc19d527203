package cn.doorstep.deliberation;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.community.CommunityService;
import cn.doorstep.deliberation.DeliberationRequests.CreateTopicRequest;
import cn.doorstep.deliberation.DeliberationRequests.ProposeRequest;
import cn.doorstep.deliberation.internal.SupportMapper;
import cn.doorstep.deliberation.internal.Topic;
import cn.doorstep.deliberation.internal.TopicMapper;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import cn.doorstep.wechat.WeChatError;
import cn.doorstep.wish.WishDetail;
import cn.doorstep.wish.WishQueries;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topics: a resident proposes one for their community and others second it; an admin makes one from a wish, a
 * report or directly, and accepts a proposal onto the agenda or declines it. Decisions are {@code UPDATE ...
 * WHERE status = 'PROPOSED'}: of many admins deciding at once exactly one changes the row; the others get 409.
 */
@Service
public class Topics {

    /** msgSecCheck's scene for what everybody reads (论坛). */
    private static final int TOPIC_SCENE = 3;

    private final TopicMapper topics;
    private final SupportMapper supports;
    private final TopicAccess access;
    private final TopicViews views;
    private final CommunityService communities;
    private final WishQueries wishes;
    private final WeChatClient weChat;
    private final UserService users;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    Topics(TopicMapper topics, SupportMapper supports, TopicAccess access, TopicViews views,
           CommunityService communities, WishQueries wishes, WeChatClient weChat, UserService users, AuditLog audit,
           Transactions transactions, Clock clock) {
        this.topics = topics;
        this.supports = supports;
        this.access = access;
        this.views = views;
        this.communities = communities;
        this.wishes = wishes;
        this.weChat = weChat;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A resident's proposal for their community (by profile; its admins may propose too). Title and text are
     * checked by WeChat as the proposer, before anything is stored: risky is refused (422 naming text) and never
     * stored; held for review, or not checked at all (WeChat down), it is stored but seen only by its proposer
     * and the admins until one accepts it.
     */
    public TopicDetail propose(CurrentUser me, ProposeRequest request) {
        communities.requireKnown(request.communityId(), "communityId");
        access.requireBelongs(me, request.communityId());
        WeChatClient.Verdict verdict = check(me, request.title(), request.text());
        var topic = new Topic();
        topic.setCommunityId(request.communityId());
        topic.setTitle(request.title().strip());
        topic.setBody(request.text().strip());
        topic.setSourceType(SourceType.RESIDENT.name());
        topic.setCreatedBy(me.id());
        topic.setStatus(TopicStatus.PROPOSED.name());
        topic.setCheckResult(verdict.name());
        topic.setSupporters(0);
        topics.insert(topic);
        return views.detail(me.id(), topic.getId());
    }

    /**
     * An admin's topic, on the agenda at once (ACCEPTED): from a wish of the community (read through the wish
     * module), a report (its id stored only), or directly. Checked by WeChat like a proposal (it is public);
     * only risky is refused. Audited.
     */
    public TopicDetail create(CurrentUser me, CreateTopicRequest request) {
        communities.requireKnown(request.communityId(), "communityId");
        if (!me.isAdminOf(request.communityId())) {
            throw new ApiException(DeliberationError.NOT_COMMUNITY_ADMIN);
        }
        SourceType source = request.sourceType() == null ? SourceType.DIRECT : request.sourceType();
        requireSource(me, request.communityId(), source, request.sourceId());
        check(me, request.title(), request.text());
        Instant now = clock.instant();
        var topic = new Topic();
        topic.setCommunityId(request.communityId());
        topic.setTitle(request.title().strip());
        topic.setBody(request.text().strip());
        topic.setSourceType(source.name());
        topic.setSourceId(source == SourceType.DIRECT ? null : request.sourceId());
        topic.setCreatedBy(me.id());
        topic.setStatus(TopicStatus.ACCEPTED.name());
        topic.setSupporters(0);
        topic.setDecidedBy(me.id());
        topic.setDecidedAt(now);
        transactions.readCommitted(() -> {
            topics.insert(topic);
            audit.record(me.id(), topic.getCommunityId(), "deliberation.topic.create", "deliberation_topic",
                    topic.getId(), source + (topic.getSourceId() == null ? "" : " " + topic.getSourceId()));
        });
        return views.detail(me.id(), topic.getId());
    }

    /** A community's topics as its residents and admins see them, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public PageResult<TopicCard> list(CurrentUser me, long communityId, TopicStatus status, PageQuery page) {
        access.requireBelongs(me, communityId);
        Page<Topic> rows = me.isAdminOf(communityId)
                ? topics.selectForAdmin(Set.of(communityId), status == null ? null : status.name(),
                new Page<>(page.page(), page.size()))
                : topics.selectForResidents(communityId, status == null ? null : status.name(), me.id(),
                new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(TopicViews::card).toList(), rows.getTotal(), page);
    }

    /** @param communityId null for all the caller's communities; one that is not theirs lists nothing */
    @Transactional(readOnly = true)
    public PageResult<TopicCard> forAdmin(CurrentUser me, Long communityId, TopicStatus status, PageQuery page) {
        Set<Long> scope = communityId == null ? me.adminCommunityIds()
                : me.isAdminOf(communityId) ? Set.of(communityId) : Set.of();
        if (scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<Topic> rows = topics.selectForAdmin(scope, status == null ? null : status.name(),
                new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(TopicViews::card).toList(), rows.getTotal(), page);
    }

    public TopicDetail get(CurrentUser me, long id) {
        access.requireVisible(me, id);
        return views.detail(me.id(), id);
    }

    /**
     * Seconds a proposal, once per user (the support table's key: of many requests at once one counts); the
     * proposer does not second their own. 409 once it is decided.
     */
    public TopicDetail support(CurrentUser me, long id) {
        Topic topic = access.requireVisible(me, id);
        if (topic.getCreatedBy() == me.id()) {
            throw new ApiException(DeliberationError.OWN_TOPIC);
        }
        try {
            transactions.readCommitted(() -> {
                supports.insert(id, me.id(), clock.instant());
                if (topics.addSupporter(id) == 0) {
                    throw changed(id);
                }
            });
        } catch (DuplicateKeyException again) {
            throw new ApiException(DeliberationError.ALREADY_SUPPORTED);
        }
        return views.detail(me.id(), id);
    }

    /** Puts a proposal on the agenda (compare-and-set from PROPOSED); audited. */
    public TopicDetail accept(CurrentUser me, long id) {
        Topic topic = access.requireAdministered(me, id);
        transactions.readCommitted(() -> {
            if (topics.acceptIfProposed(id, me.id(), clock.instant()) == 0) {
                throw changed(id);
            }
            audit.record(me.id(), topic.getCommunityId(), "deliberation.topic.accept", "deliberation_topic", id, null);
        });
        return views.detail(me.id(), id);
    }

    /** Declines a proposal with a reason its proposer and supporters read (compare-and-set from PROPOSED); audited. */
    public TopicDetail decline(CurrentUser me, long id, String reason) {
        Topic topic = access.requireAdministered(me, id);
        transactions.readCommitted(() -> {
            if (topics.declineIfProposed(id, reason.strip(), me.id(), clock.instant()) == 0) {
                throw changed(id);
            }
            audit.record(me.id(), topic.getCommunityId(), "deliberation.topic.decline", "deliberation_topic", id,
                    reason.strip());
        });
        return views.detail(me.id(), id);
    }

    /** The conditional update matched nothing: someone decided first (read as committed now). */
    ApiException changed(long id) {
        String status = topics.selectById(id).getStatus();
        return new ApiException(DeliberationError.TOPIC_CHANGED, "The topic is " + status,
                Map.of("status", status));
    }

    private void requireSource(CurrentUser me, long communityId, SourceType source, Long sourceId) {
        switch (source) {
            case DIRECT -> {
                if (sourceId != null) {
                    throw ApiException.badField(DeliberationError.BAD_SOURCE, "sourceId", "must be absent for DIRECT");
                }
            }
            case REPORT -> {
                if (sourceId == null) {
                    throw ApiException.badField(DeliberationError.BAD_SOURCE, "sourceId", "the report's id is required");
                }
            }
            case WISH -> {
                if (sourceId == null || !wishOf(me, sourceId, communityId)) {
                    throw ApiException.badField(DeliberationError.BAD_SOURCE, "sourceId",
                            "must be a wish of this community");
                }
            }
            case RESIDENT -> throw ApiException.badField(DeliberationError.BAD_SOURCE, "sourceType",
                    "residents propose with POST /api/v1/topics");
        }
    }

    private boolean wishOf(CurrentUser me, long wishId, long communityId) {
        try {
            WishDetail wish = wishes.detail(me, wishId);
            return wish.place().communityId() == communityId;
        } catch (ApiException notVisible) {
            return false;
        }
    }

    /** WeChat's verdict on title and text, as the caller; risky is a 422 naming text. */
    private WeChatClient.Verdict check(CurrentUser me, String title, String text) {
        var verdict = weChat.checkText(users.openidOf(me.id()).orElse(null), TOPIC_SCENE, title.strip(), text.strip())
                .verdict();
        if (verdict == WeChatClient.Verdict.RISKY) {
            throw ApiException.badField(WeChatError.TEXT_RISKY, "text", "WeChat's content check found the title or "
                    + "text unsuitable");
        }
        return verdict;
    }
}
