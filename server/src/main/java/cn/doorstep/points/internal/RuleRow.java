package cn.doorstep.points.internal;

import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("points_rule")
public class RuleRow {
    private Long communityId;
    private String kind;
    private Integer pointsPerUnit;
    private Integer dailyCap;
    private Integer lifetimeCap;
    private Long updatedBy;
    private Instant updatedAt;

    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Integer getPointsPerUnit() { return pointsPerUnit; }
    public void setPointsPerUnit(Integer pointsPerUnit) { this.pointsPerUnit = pointsPerUnit; }
    public Integer getDailyCap() { return dailyCap; }
    public void setDailyCap(Integer dailyCap) { this.dailyCap = dailyCap; }
    public Integer getLifetimeCap() { return lifetimeCap; }
    public void setLifetimeCap(Integer lifetimeCap) { this.lifetimeCap = lifetimeCap; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
