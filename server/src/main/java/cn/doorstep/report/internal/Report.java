package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** One report. Inserted once; every later change goes through {@link ReportMapper#advance}, checked against {@code version}, so two workers can never both move it. */
@TableName("report")
public class Report {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long reporterId;
    private String channel;
    private String callerName;
    private String callerPhone;
    private Long districtId;
    private Long streetId;
    private Long communityId;
    private Long gridId;
    private String category;
    private String body;
    private BigDecimal lat;
    private BigDecimal lng;
    private String address;
    private String status;
    private String level;
    private String checkResult;
    private String flagReason;
    private Instant acceptDue;
    private Instant resolveDue;
    private Long acceptedBy;
    private Instant acceptedAt;
    private Instant routedAt;
    private Instant summonedAt;
    private Long resolvedBy;
    private Long resolvedDepartmentId;
    private Instant resolvedAt;
    private String resolution;
    private String question;
    private Instant pausedAt;
    private String pausedFrom;
    private Instant escalatedAt;
    private Boolean reopened;
    private Boolean satisfied;
    private String ratingComment;
    private Instant ratedAt;
    private Instant closedAt;
    private Long mergedInto;
    @Version
    private Integer version;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getReporterId() { return reporterId; }
    public void setReporterId(Long reporterId) { this.reporterId = reporterId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getCallerName() { return callerName; }
    public void setCallerName(String callerName) { this.callerName = callerName; }
    public String getCallerPhone() { return callerPhone; }
    public void setCallerPhone(String callerPhone) { this.callerPhone = callerPhone; }
    public Long getDistrictId() { return districtId; }
    public void setDistrictId(Long districtId) { this.districtId = districtId; }
    public Long getStreetId() { return streetId; }
    public void setStreetId(Long streetId) { this.streetId = streetId; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public Long getGridId() { return gridId; }
    public void setGridId(Long gridId) { this.gridId = gridId; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public BigDecimal getLat() { return lat; }
    public void setLat(BigDecimal lat) { this.lat = lat; }
    public BigDecimal getLng() { return lng; }
    public void setLng(BigDecimal lng) { this.lng = lng; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getCheckResult() { return checkResult; }
    public void setCheckResult(String checkResult) { this.checkResult = checkResult; }
    public String getFlagReason() { return flagReason; }
    public void setFlagReason(String flagReason) { this.flagReason = flagReason; }
    public Instant getAcceptDue() { return acceptDue; }
    public void setAcceptDue(Instant acceptDue) { this.acceptDue = acceptDue; }
    public Instant getResolveDue() { return resolveDue; }
    public void setResolveDue(Instant resolveDue) { this.resolveDue = resolveDue; }
    public Long getAcceptedBy() { return acceptedBy; }
    public void setAcceptedBy(Long acceptedBy) { this.acceptedBy = acceptedBy; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public void setAcceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt; }
    public Instant getRoutedAt() { return routedAt; }
    public void setRoutedAt(Instant routedAt) { this.routedAt = routedAt; }
    public Instant getSummonedAt() { return summonedAt; }
    public void setSummonedAt(Instant summonedAt) { this.summonedAt = summonedAt; }
    public Long getResolvedBy() { return resolvedBy; }
    public void setResolvedBy(Long resolvedBy) { this.resolvedBy = resolvedBy; }
    public Long getResolvedDepartmentId() { return resolvedDepartmentId; }
    public void setResolvedDepartmentId(Long resolvedDepartmentId) { this.resolvedDepartmentId = resolvedDepartmentId; }
    public Instant getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public Instant getPausedAt() { return pausedAt; }
    public void setPausedAt(Instant pausedAt) { this.pausedAt = pausedAt; }
    public String getPausedFrom() { return pausedFrom; }
    public void setPausedFrom(String pausedFrom) { this.pausedFrom = pausedFrom; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public void setEscalatedAt(Instant escalatedAt) { this.escalatedAt = escalatedAt; }
    public Boolean getReopened() { return reopened; }
    public void setReopened(Boolean reopened) { this.reopened = reopened; }
    public Boolean getSatisfied() { return satisfied; }
    public void setSatisfied(Boolean satisfied) { this.satisfied = satisfied; }
    public String getRatingComment() { return ratingComment; }
    public void setRatingComment(String ratingComment) { this.ratingComment = ratingComment; }
    public Instant getRatedAt() { return ratedAt; }
    public void setRatedAt(Instant ratedAt) { this.ratedAt = ratedAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public Long getMergedInto() { return mergedInto; }
    public void setMergedInto(Long mergedInto) { this.mergedInto = mergedInto; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
