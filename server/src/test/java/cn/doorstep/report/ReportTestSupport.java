package cn.doorstep.report;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The people and places of a report test (a fresh district, street, community and grid each time) and the
 * requests they make.
 */
public abstract class ReportTestSupport {

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected TestRegions regions;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;

    protected Chain chain;
    protected long community;
    protected long grid;
    protected SignedIn reporter;
    protected SignedIn admin;
    protected SignedIn gridHead;
    protected SignedIn stranger;

    protected void setUpPeople() {
        chain = regions.chain();
        community = chain.community();
        grid = gridIn(community);
        reporter = users.resident();
        admin = users.with(Role.ADMIN, community);
        gridHead = users.with(Role.GRID_HEAD, grid);
        stranger = users.resident();
    }

    /** A new grid in the community; returns its id. */
    protected long gridIn(long communityId) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO grid (community_id, name) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, communityId);
            ps.setString(2, "测试网格" + System.nanoTime());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    protected String reportJson(String category, String text) {
        return """
                {"communityId":%d,"gridId":%d,"category":"%s","text":"%s","photos":[],
                 "lat":43.8378,"lng":126.5496,"address":"3号楼北侧路口"}
                """.formatted(community, grid, category, text);
    }

    protected MvcTestResult file(SignedIn who, String json) {
        return post(who, "/api/v1/reports", json);
    }

    /** Files a lighting report as {@code who}; returns its id. */
    protected long fileReport(SignedIn who) {
        return idOf(file(who, reportJson("LIGHTING", "3号楼北侧路灯不亮，晚上很黑。")));
    }

    protected MvcTestResult detail(SignedIn who, long id) {
        return get(who, "/api/v1/reports/" + id);
    }

    protected MvcTestResult post(SignedIn who, String uri, String json) {
        var request = mvc.post().uri(uri).header("Authorization", who.bearer());
        return json == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    protected MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    protected static long idOf(MvcTestResult reply) {
        Number id = Http.read(reply, "$.data.id");
        return id.longValue();
    }

    protected String status(long id) {
        return jdbc.queryForObject("select status from report where id = ?", String.class, id);
    }

    protected int steps(long id, String step) {
        return jdbc.queryForObject("select count(*) from report_step where report_id = ? and step = ?", Integer.class, id, step);
    }

    // ---- follow-up helpers (duplicates need places no other test files at) ----

    /** A point of its own for one test, inside China and away from the shared test pin. */
    protected static double[] somewhere() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new double[] {Math.round((25 + random.nextDouble(15)) * 1e6) / 1e6,
                Math.round((100 + random.nextDouble(20)) * 1e6) / 1e6};
    }

    /** Files a report of {@code category} as {@code who} at the point; returns its id. */
    protected long fileAt(SignedIn who, String category, double lat, double lng) {
        return idOf(file(who, reportJson(category, "小区门口的问题，请尽快处理。")
                .replace("\"lat\":43.8378", "\"lat\":" + lat).replace("\"lng\":126.5496", "\"lng\":" + lng)));
    }

    /** A new active department (kind OTHER) serving these streets; returns its id. */
    protected long departmentServing(long... streetIds) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO department (name, kind, active, created_by, created_at, "
                    + "updated_at) VALUES (?, 'OTHER', TRUE, 0, NOW(3), NOW(3))", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, "测试部门" + System.nanoTime());
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        for (long street : streetIds) {
            jdbc.update("INSERT INTO department_street (department_id, street_id) VALUES (?, ?)", id, street);
        }
        return id;
    }

    protected int notices(SignedIn who, String kind) {
        return jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind = ?", Integer.class,
                who.id(), kind);
    }

    protected int audits(String action, long reportId) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_type = 'report' and target_id = ?",
                Integer.class, action, String.valueOf(reportId));
    }
}
