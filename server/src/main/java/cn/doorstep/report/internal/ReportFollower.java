package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** Someone following a report: its reporter, or a reporter of one merged into it (via). */
@TableName("report_follower")
public class ReportFollower {
    private Long reportId;
    private Long userId;
    private String via;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;

    public Long getReportId() { return reportId; }
    public void setReportId(Long reportId) { this.reportId = reportId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getVia() { return via; }
    public void setVia(String via) { this.via = via; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
