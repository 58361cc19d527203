package cn.doorstep.community.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;

@TableName("grid")
public class Grid {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private String name;
    /** The centroid, GCJ-02; both null when not placed yet. */
    private BigDecimal lat;
    private BigDecimal lng;
    /** Households living there; null when not known. */
    private Integer households;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public BigDecimal getLat() { return lat; }
    public void setLat(BigDecimal lat) { this.lat = lat; }
    public BigDecimal getLng() { return lng; }
    public void setLng(BigDecimal lng) { this.lng = lng; }
    public Integer getHouseholds() { return households; }
    public void setHouseholds(Integer households) { this.households = households; }
}
