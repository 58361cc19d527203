package cn.doorstep.rider.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.time.Instant;

/** Columns that may be cleared are written as they are, nulls included ({@code updateById} skips nulls otherwise). */
@TableName("rider")
public class Rider {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long userId;
    private String platform;
    private String realName;
    private Long homeCommunityId;
    private String status;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String passNo;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String rejectReason;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long reviewedBy;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Instant reviewedAt;
    /** Bumped by every change: a reviewer's decision applies only to the version they saw. */
    @Version
    private Integer version;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getRealName() { return realName; }
    public void setRealName(String realName) { this.realName = realName; }
    public Long getHomeCommunityId() { return homeCommunityId; }
    public void setHomeCommunityId(Long homeCommunityId) { this.homeCommunityId = homeCommunityId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPassNo() { return passNo; }
    public void setPassNo(String passNo) { this.passNo = passNo; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
    public Long getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(Long reviewedBy) { this.reviewedBy = reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(Instant reviewedAt) { this.reviewedAt = reviewedAt; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
