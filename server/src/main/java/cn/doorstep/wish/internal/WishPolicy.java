package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("wish_policy")
public class WishPolicy {
    @TableId(type = IdType.INPUT)
    private Long communityId;
    private Boolean reviewAll;
    private Long updatedBy;
    private Instant updatedAt;

    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public Boolean getReviewAll() { return reviewAll; }
    public void setReviewAll(Boolean reviewAll) { this.reviewAll = reviewAll; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
