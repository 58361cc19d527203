package cn.doorstep.reward.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/**
 * One redemption. Inserted once; every later change is one of {@link RedemptionMapper}'s conditional
 * transitions out of PENDING, so of a cancel, a 核销 and the expiry job exactly one moves it.
 */
@TableName("redemption")
public class Redemption {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long rewardId;
    private Long userId;
    private Long stationId;
    private Long communityId;
    private Integer quantity;
    private Long points;
    private String code;
    private String requestKey;
    private String status;
    private Instant collectBy;
    private Long redeemedBy;
    private Instant redeemedAt;
    private Instant closedAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getRewardId() { return rewardId; }
    public void setRewardId(Long rewardId) { this.rewardId = rewardId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getStationId() { return stationId; }
    public void setStationId(Long stationId) { this.stationId = stationId; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Long getPoints() { return points; }
    public void setPoints(Long points) { this.points = points; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getRequestKey() { return requestKey; }
    public void setRequestKey(String requestKey) { this.requestKey = requestKey; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getCollectBy() { return collectBy; }
    public void setCollectBy(Instant collectBy) { this.collectBy = collectBy; }
    public Long getRedeemedBy() { return redeemedBy; }
    public void setRedeemedBy(Long redeemedBy) { this.redeemedBy = redeemedBy; }
    public Instant getRedeemedAt() { return redeemedAt; }
    public void setRedeemedAt(Instant redeemedAt) { this.redeemedAt = redeemedAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
