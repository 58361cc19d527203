package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.annotation.TableName;

/** A street a department serves: reports of its communities may be routed or summoned to it. */
@TableName("department_street")
public class DepartmentStreet {
    private Long departmentId;
    private Long streetId;

    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public Long getStreetId() { return streetId; }
    public void setStreetId(Long streetId) { this.streetId = streetId; }
}
