package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** 流动网格员: a verified rider paired with a grid. */
@TableName("grid_rider")
public class GridRider {
    @TableId(type = IdType.INPUT)
    private Long userId;
    private Long gridId;
    private Long communityId;
    private Long pairedBy;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getGridId() { return gridId; }
    public void setGridId(Long gridId) { this.gridId = gridId; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public Long getPairedBy() { return pairedBy; }
    public void setPairedBy(Long pairedBy) { this.pairedBy = pairedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
