package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A category's deadlines as the platform admin set them: minutes to accept, working days to resolve. */
@TableName("report_category_rule")
public class CategoryRule {
    @TableId(type = IdType.INPUT)
    private String category;
    private Integer acceptMinutes;
    private Integer resolveWorkingDays;
    private Long updatedBy;
    private Instant updatedAt;

    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public Integer getAcceptMinutes() { return acceptMinutes; }
    public void setAcceptMinutes(Integer acceptMinutes) { this.acceptMinutes = acceptMinutes; }
    public Integer getResolveWorkingDays() { return resolveWorkingDays; }
    public void setResolveWorkingDays(Integer resolveWorkingDays) { this.resolveWorkingDays = resolveWorkingDays; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
