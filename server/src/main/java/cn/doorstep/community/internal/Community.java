package cn.doorstep.community.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("community")
public class Community {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long streetId;
    private String name;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getStreetId() { return streetId; }
    public void setStreetId(Long streetId) { this.streetId = streetId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
