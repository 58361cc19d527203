package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One wish. Inserted once by {@link WishMapper#insert}; every later change is one of the mapper's
 * conditional transitions (never {@code updateById}), so two actors can never both move it.
 */
@TableName("wish")
public class Wish {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long posterId;
    private Long communityId;
    private Long gridId;
    private String title;
    private String body;
    private String category;
    private String urgency;
    private String contactName;
    private String contactPhone;
    private String address;
    private Boolean onBehalf;
    private String status;
    private String checkResult;
    private String checkTraceId;
    private String reviewReason;
    private Long reviewedBy;
    private Instant reviewedAt;
    private Instant publishedAt;
    private Long assigneeId;
    private Instant dispatchedAt;
    private Long claimerId;
    private Instant claimedAt;
    private Instant claimDeadline;
    private String fulfilNote;
    private BigDecimal fulfilHours;
    private Instant fulfilledAt;
    private Instant confirmDue;
    private Integer rating;
    private String confirmComment;
    private Long confirmedBy;
    private Instant confirmedAt;
    private String disputeReason;
    private String cancelReason;
    private Instant cancelledAt;
    private String flagReason;
    private Instant flaggedAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getPosterId() { return posterId; }
    public void setPosterId(Long posterId) { this.posterId = posterId; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public Long getGridId() { return gridId; }
    public void setGridId(Long gridId) { this.gridId = gridId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Boolean getOnBehalf() { return onBehalf; }
    public void setOnBehalf(Boolean onBehalf) { this.onBehalf = onBehalf; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCheckResult() { return checkResult; }
    public void setCheckResult(String checkResult) { this.checkResult = checkResult; }
    public String getCheckTraceId() { return checkTraceId; }
    public void setCheckTraceId(String checkTraceId) { this.checkTraceId = checkTraceId; }
    public String getReviewReason() { return reviewReason; }
    public void setReviewReason(String reviewReason) { this.reviewReason = reviewReason; }
    public Long getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(Long reviewedBy) { this.reviewedBy = reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(Instant reviewedAt) { this.reviewedAt = reviewedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public Long getAssigneeId() { return assigneeId; }
    public void setAssigneeId(Long assigneeId) { this.assigneeId = assigneeId; }
    public Instant getDispatchedAt() { return dispatchedAt; }
    public void setDispatchedAt(Instant dispatchedAt) { this.dispatchedAt = dispatchedAt; }
    public Long getClaimerId() { return claimerId; }
    public void setClaimerId(Long claimerId) { this.claimerId = claimerId; }
    public Instant getClaimedAt() { return claimedAt; }
    public void setClaimedAt(Instant claimedAt) { this.claimedAt = claimedAt; }
    public Instant getClaimDeadline() { return claimDeadline; }
    public void setClaimDeadline(Instant claimDeadline) { this.claimDeadline = claimDeadline; }
    public String getFulfilNote() { return fulfilNote; }
    public void setFulfilNote(String fulfilNote) { this.fulfilNote = fulfilNote; }
    public BigDecimal getFulfilHours() { return fulfilHours; }
    public void setFulfilHours(BigDecimal fulfilHours) { this.fulfilHours = fulfilHours; }
    public Instant getFulfilledAt() { return fulfilledAt; }
    public void setFulfilledAt(Instant fulfilledAt) { this.fulfilledAt = fulfilledAt; }
    public Instant getConfirmDue() { return confirmDue; }
    public void setConfirmDue(Instant confirmDue) { this.confirmDue = confirmDue; }
    public Integer getRating() { return rating; }
    public void setRating(Integer rating) { this.rating = rating; }
    public String getConfirmComment() { return confirmComment; }
    public void setConfirmComment(String confirmComment) { this.confirmComment = confirmComment; }
    public Long getConfirmedBy() { return confirmedBy; }
    public void setConfirmedBy(Long confirmedBy) { this.confirmedBy = confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(Instant confirmedAt) { this.confirmedAt = confirmedAt; }
    public String getDisputeReason() { return disputeReason; }
    public void setDisputeReason(String disputeReason) { this.disputeReason = disputeReason; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public Instant getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(Instant cancelledAt) { this.cancelledAt = cancelledAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

    public String getFlagReason() { return flagReason; }
    public void setFlagReason(String flagReason) { this.flagReason = flagReason; }
    public Instant getFlaggedAt() { return flaggedAt; }
    public void setFlaggedAt(Instant flaggedAt) { this.flaggedAt = flaggedAt; }
}
