package cn.doorstep.community.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("street")
public class Street {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long districtId;
    private String name;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getDistrictId() { return districtId; }
    public void setDistrictId(Long districtId) { this.districtId = districtId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
