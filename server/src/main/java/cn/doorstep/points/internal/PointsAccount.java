package cn.doorstep.points.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One user's points. Changed only by the guarded updates of {@link PointsAccountMapper}. */
@TableName("points_account")
public class PointsAccount {
    @TableId(type = IdType.INPUT)
    private Long userId;
    private Long balance;
    private Long earned;
    private Long spent;
    private Long expired;
    private String memberCode;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getBalance() { return balance; }
    public void setBalance(Long balance) { this.balance = balance; }
    public Long getEarned() { return earned; }
    public void setEarned(Long earned) { this.earned = earned; }
    public Long getSpent() { return spent; }
    public void setSpent(Long spent) { this.spent = spent; }
    public Long getExpired() { return expired; }
    public void setExpired(Long expired) { this.expired = expired; }
    public String getMemberCode() { return memberCode; }
    public void setMemberCode(String memberCode) { this.memberCode = memberCode; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
