package cn.doorstep.report;

import cn.doorstep.media.MediaService;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The grid's side of a report test: its workers' steps and the reporter's answers. */
abstract class GridReportTestSupport extends ReportTestSupport {

    @Autowired
    MediaService media;

    MvcTestResult accept(SignedIn who, long id) {
        return post(who, "/api/v1/admin/reports/" + id + "/accept", null);
    }

    MvcTestResult resolve(SignedIn who, long id, String text, String... photos) {
        return post(who, "/api/v1/admin/reports/" + id + "/resolve",
                "{\"text\":\"%s\",\"photos\":%s}".formatted(text, json(photos)));
    }

    MvcTestResult ask(SignedIn who, long id, String question) {
        return post(who, "/api/v1/admin/reports/" + id + "/ask", "{\"question\":\"%s\"}".formatted(question));
    }

    MvcTestResult reply(SignedIn who, long id, String text, String... photos) {
        return post(who, "/api/v1/reports/" + id + "/reply", "{\"text\":\"%s\",\"photos\":%s}".formatted(text, json(photos)));
    }

    MvcTestResult rate(SignedIn who, long id, boolean satisfied, String comment) {
        return post(who, "/api/v1/reports/" + id + "/rate",
                "{\"satisfied\":%s,\"comment\":\"%s\"}".formatted(satisfied, comment));
    }

    /** A report filed by the reporter and resolved by the admin; returns its id. */
    long resolvedReport() {
        long id = fileReport(reporter);
        accept(admin, id);
        resolve(admin, id, "已更换灯泡。");
        return id;
    }

    /** A photo WeChat's media check passed, uploaded by {@code owner}. */
    String photoUrl(SignedIn owner) {
        return photoChecked(owner, "PASSED");
    }

    String photoChecked(SignedIn owner, String checkStatus) {
        String url = media.store(owner.id(), TestImages.png(6, 4)).url();
        jdbc.update("update media_image set check_status = ? where path = ?", checkStatus,
                url.substring(url.indexOf("/media/") + "/media/".length()));
        return url;
    }

    Instant instant(String sql, long id) {
        return jdbc.queryForObject(sql, java.sql.Timestamp.class, id).toInstant();
    }

    int inbox(SignedIn who, String kind) {
        return jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind = ?", Integer.class,
                who.id(), kind);
    }

    int audits(long id, String action) {
        return jdbc.queryForObject("select count(*) from audit_log where target_type = 'report' and target_id = ? and action = ?",
                Integer.class, String.valueOf(id), action);
    }

    private static String json(String... urls) {
        var b = new StringBuilder("[");
        for (int i = 0; i < urls.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(urls[i]).append('"');
        }
        return b.append(']').toString();
    }
}
