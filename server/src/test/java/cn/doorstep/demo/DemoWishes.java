package cn.doorstep.demo;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.party.PartyRegistrations;
import cn.doorstep.party.PartyUnits;
import cn.doorstep.party.PartyViews.PartyRegistrationRequest;
import cn.doorstep.people.OfflineResidentRequest;
import cn.doorstep.people.OfflineResidents;
import cn.doorstep.user.UserService;
import cn.doorstep.wish.PostWishRequest;
import cn.doorstep.wish.Urgency;
import cn.doorstep.wish.WishCategory;
import cn.doorstep.wish.WishClaims;
import cn.doorstep.wish.WishCompletion;
import cn.doorstep.wish.WishDetail;
import cn.doorstep.wish.WishPosting;
import cn.doorstep.wish.WishRequests.ConfirmWishRequest;
import cn.doorstep.wish.WishRequests.FulfilWishRequest;
import cn.doorstep.wish.WishRequests.Resolution;
import cn.doorstep.wish.grid.GridHeads;
import cn.doorstep.wish.grid.GridHeads.GridHeadRequest;
import cn.doorstep.wish.grid.GridHeads.OnBehalfWishRequest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local profile's demo wishes, units and party members, made through the services as people would
 * make them (so every timeline, notice and audit row is real), once, on an empty wish table. Locally
 * there is no WeChat appid, so every wish is held at first (CHECK_UNAVAILABLE) and the demo admins
 * approve most of them. Dev-login handles: resident, volunteer and volunteer2 (volunteers of communities
 * 1 and 3, see DemoVolunteers), admin (community 1), platform, member1-3 (confirmed party members),
 * member4 (pending), unit-admin (unit 1), grid-head (grid 1), elder (孙奶奶 of grid 1, no phone: the grid
 * head books for her), resident2/resident3 and admin2/admin3 (communities 2 and 3).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(100)
class DemoWishes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWishes.class);

    private final UserService users;
    private final RoleService roles;
    private final MediaService media;
    private final WishPosting posting;
    private final WishClaims claims;
    private final WishCompletion completion;
    private final GridHeads gridHeads;
    private final PartyUnits units;
    private final PartyRegistrations registrations;
    private final OfflineResidents offlineResidents;
    private final JdbcTemplate jdbc;

    DemoWishes(UserService users, RoleService roles, MediaService media, WishPosting posting, WishClaims claims,
               WishCompletion completion, GridHeads gridHeads, PartyUnits units, PartyRegistrations registrations,
               OfflineResidents offlineResidents, JdbcTemplate jdbc) {
        this.offlineResidents = offlineResidents;
        this.users = users;
        this.roles = roles;
        this.media = media;
        this.posting = posting;
        this.claims = claims;
        this.completion = completion;
        this.gridHeads = gridHeads;
        this.units = units;
        this.registrations = registrations;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM wish", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        CurrentUser platform = user("platform", "市级管理员", Role.PLATFORM, 0);
        CurrentUser admin1 = user("admin", null, Role.ADMIN, 1);
        CurrentUser admin2 = user("admin2", "陈书记", Role.ADMIN, 2);
        CurrentUser admin3 = user("admin3", "周主任", Role.ADMIN, 3);
        CurrentUser resident1 = user("resident", null, Role.RESIDENT, 0);
        CurrentUser resident2 = user("resident2", "孙大爷", Role.RESIDENT, 0);
        CurrentUser resident3 = user("resident3", "吴阿姨", Role.RESIDENT, 0);
        // volunteers of communities 1 and 3, approved by their admins in DemoVolunteers (which runs first)
        CurrentUser volunteer = user("volunteer", null, Role.RESIDENT, 0);
        CurrentUser volunteer2 = user("volunteer2", "赵志愿", Role.RESIDENT, 0);

        // 双报到: units serving the demo communities, confirmed members, one pending, a unit admin
        long tax = units.create(platform, "吉林市税务局", List.of(1L, 2L)).id();
        long power = units.create(platform, "国网吉林供电公司", List.of(2L, 3L)).id();
        units.create(platform, "吉林市第一中学", List.of(1L, 3L));
        units.create(platform, "吉林市人民医院", List.of(4L, 5L));
        CurrentUser member1 = member("member1", "刘党员", 1, tax, admin1);
        CurrentUser member2 = member("member2", "郑党员", 2, power, admin2);
        CurrentUser member3 = member("member3", "冯党员", 1, tax, admin1);
        member("member4", "何党员", 3, power, null);
        units.grantAdmin(platform, tax, user("unit-admin", "税务局党办", Role.RESIDENT, 0).id());

        // 三长: a grid head of grid 1 (community 1)
        CurrentUser gridHead = user("grid-head", "钱网格长", Role.RESIDENT, 0);
        gridHeads.grant(admin1, new GridHeadRequest(1L, 1L, gridHead.id()));
        gridHead = refreshed(gridHead);
        // a resident of grid 1 without a phone: the grid head books for her (POST /api/v1/grid/bookings)
        long elder = users.findOrCreateByOpenid("dev:elder", null).user().id();
        users.updateProfile(elder, new cn.doorstep.user.ProfileUpdate("孙奶奶", null, 1L, 1L));
        roles.grant(elder, Role.RESIDENT, 0);
        // and one with no WeChat at all, registered by the grid head (POST /api/v1/grid/residents)
        offlineResidents.register(gridHead, new OfflineResidentRequest(1L, "李爷爷", "5栋1单元101"));

        // every state, across communities 1-3
        held(resident1, 1, "想学用智能手机挂号", "孩子不在身边，想有人教我用手机在医院公众号上挂号。", WishCategory.STUDY_HELP);
        long rejected = held(resident2, 2, "求购便宜的二手电动车", "想买一辆二手电动车，价格合适就行。", WishCategory.OTHER);
        long open1 = open(resident1, admin1, 1, "楼道灯坏了", "3号楼2单元二楼楼道灯不亮，晚上上下楼很危险。", WishCategory.REPAIRS, true);
        open(resident3, admin3, 3, "周末陪老人下棋", "父亲喜欢下象棋，周末想找人陪他下两盘。", WishCategory.COMPANY, false);
        open(resident2, admin2, 2, "辅导初二数学", "孩子初二，几何题经常不会，希望每周有人辅导一次。", WishCategory.STUDY_HELP, false);
        long dispatched = open(resident3, admin3, 3, "帮忙取药", "腿脚不便，需要有人帮忙去社区卫生站取药。", WishCategory.ELDERLY_CARE, false);
        long claimed = open(resident1, admin1, 1, "修理漏水的水龙头", "厨房水龙头一直滴水，需要换个阀芯。", WishCategory.REPAIRS, true);
        long fulfilled = open(resident2, admin2, 2, "帮忙搬运旧家具", "有一个旧衣柜需要从五楼搬到楼下。", WishCategory.DAILY_HELP, false);
        long disputed = open(resident3, admin3, 3, "疏通下水道", "卫生间下水道堵了好几天。", WishCategory.REPAIRS, false);
        long confirmed = open(resident1, admin1, 1, "陪同去医院复查", "下周三上午需要有人陪同去医院复查。", WishCategory.ELDERLY_CARE, false);
        long confirmed2 = open(resident2, admin2, 2, "帮忙网上缴纳电费", "不会用手机缴电费，想请人帮忙。", WishCategory.DAILY_HELP, false);
        long cancelled = open(resident3, admin3, 3, "找人修自行车", "自行车链条掉了。", WishCategory.REPAIRS, false);
        long stillDisputed = open(resident1, admin1, 1, "更换窗户玻璃", "阳台窗户玻璃裂了，想请人帮忙换一块。", WishCategory.REPAIRS,
                false);

        posting.reject(admin2, rejected, "心愿墙用于邻里互助，买卖信息请发到社区二手群");
        claims.dispatch(admin3, dispatched, volunteer2.id());
        claims.claim(volunteer, claimed);
        claims.claim(member2, fulfilled);
        completion.fulfil(member2, fulfilled, fulfilment("衣柜已搬到楼下，顺便把楼道打扫了。", member2));
        claims.claim(volunteer2, disputed);
        completion.fulfil(volunteer2, disputed, fulfilment("已疏通。", volunteer2));
        completion.dispute(resident3, disputed, "第二天又堵了，没有彻底疏通");
        claims.claim(volunteer2, stillDisputed);
        completion.fulfil(volunteer2, stillDisputed, fulfilment("玻璃已更换。", volunteer2));
        completion.dispute(resident1, stillDisputed, "换的玻璃尺寸不对，有缝隙");
        claims.claim(member1, confirmed);
        completion.fulfil(member1, confirmed, fulfilment("陪同复查完毕，结果一切正常。", member1));
        completion.confirm(resident1, confirmed, new ConfirmWishRequest(5, "小刘非常耐心，谢谢！"));
        claims.claim(member2, confirmed2);
        completion.fulfil(member2, confirmed2, fulfilment("已教会孙大爷用手机缴费。", member2));
        completion.confirm(resident2, confirmed2, new ConfirmWishRequest(4, null));
        claims.claim(volunteer, cancelled);
        completion.cancel(resident3, cancelled, "已经自己修好了");
        claims.claim(member3, open1);
        claims.release(member3, open1, "临时出差，先放回心愿墙");
        completion.resolve(admin3, disputed, Resolution.REOPEN, "已联系物业专业疏通，心愿重新开放");

        // 敲门行动: a grid head posts for a resident without a phone
        WishDetail knock = gridHeads.postFor(gridHead, new OnBehalfWishRequest(1L, 1L, "帮王奶奶买米买油",
                "王奶奶独居，没有手机，腿脚不便，每月需要有人帮忙买米买油送上楼。", WishCategory.ELDERLY_CARE, Urgency.HIGH,
                List.of(), "王奶奶", "5号楼1单元302"));
        posting.approve(admin1, knock.id());

        // WeChat's media check (no appid locally, so images pass unchecked): the claimed tap's photo as if WeChat
        // asked for a person, its wish flagged for admin1 (GET /api/v1/admin/wishes?flagged=true, then clear-flag)
        jdbc.update("UPDATE media_image SET check_status = 'REVIEW', check_label = '20001' WHERE path = "
                + "(SELECT SUBSTRING_INDEX(url, '/media/', -1) FROM wish_photo WHERE wish_id = ? AND event_id IS NULL "
                + "ORDER BY sort_order LIMIT 1)", claimed);
        jdbc.update("UPDATE wish SET flag_reason = 'PHOTO_REVIEW', flagged_at = NOW(3) WHERE id = ?", claimed);
        log.info("Demo data: {} wishes in every state, 4 units, 4 party members, a grid head", jdbc.queryForObject(
                "SELECT COUNT(*) FROM wish", Integer.class));
    }

    private long held(CurrentUser poster, long community, String title, String text, WishCategory category) {
        return posting.post(poster, request(community, title, text, category, false, poster)).id();
    }

    private long open(CurrentUser poster, CurrentUser admin, long community, String title, String text,
                      WishCategory category, boolean withPhoto) {
        long id = posting.post(poster, request(community, title, text, category, withPhoto, poster)).id();
        posting.approve(admin, id); // held locally (no WeChat appid), published by the demo admin
        return id;
    }

    private PostWishRequest request(long community, String title, String text, WishCategory category, boolean withPhoto,
                                    CurrentUser poster) {
        String name = users.get(poster.id()).nickname();
        return new PostWishRequest(title, text, category, Urgency.NORMAL, withPhoto ? List.of(photo(poster.id())) : List.of(),
                community, null, name == null ? "居民" : name, null, community + "号小区" + (poster.id() % 9 + 1) + "号楼");
    }

    private FulfilWishRequest fulfilment(String note, CurrentUser claimer) {
        return new FulfilWishRequest(note, List.of(photo(claimer.id())), new BigDecimal("1.5"));
    }

    private CurrentUser member(String handle, String name, long community, long unit, CurrentUser confirmer) {
        CurrentUser me = user(handle, name, Role.RESIDENT, 0);
        var registration = registrations.register(me, new PartyRegistrationRequest(community, unit, name));
        if (confirmer != null) {
            registrations.confirm(confirmer, registration.id(), registration.version());
        }
        return me;
    }

    /** The dev-login user of {@code handle} (created if new) with the role, as a signed-in caller. */
    private CurrentUser user(String handle, String nickname, Role role, long scope) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        if (nickname != null) {
            users.updateProfile(id, new cn.doorstep.user.ProfileUpdate(nickname, null, null, null));
            users.bindPhone(id, "138" + String.format("%08d", 10_000 + id));
        }
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scope);
        return new CurrentUser(id, roles.grantsOf(id));
    }

    private CurrentUser refreshed(CurrentUser user) {
        return new CurrentUser(user.id(), roles.grantsOf(user.id()));
    }

    private String photo(long ownerId) {
        var image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xF5, 0xE6, 0xC8));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0xC8, 0x10, 0x2E));
        g.fillRoundRect(40, 40, 240, 160, 24, 24);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return media.store(ownerId, out.toByteArray()).url();
    }
}
