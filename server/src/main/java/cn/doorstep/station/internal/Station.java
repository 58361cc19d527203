package cn.doorstep.station.internal;

import cn.doorstep.station.hours.WeeklyRule;
import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import com.baomidou.mybatisplus.extension.handlers.JacksonTypeHandler;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Columns that may be cleared are written as they are, nulls included ({@code updateById} skips nulls otherwise). */
@TableName(value = "station", autoResultMap = true)
public class Station {

    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";
    public static final String DELETED = "DELETED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private String name;
    /** Comma-separated {@code StationKind} names. */
    private String kinds;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String serviceLevel;
    private String address;
    private BigDecimal lat;
    private BigDecimal lng;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String phone;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String intro;
    @TableField(typeHandler = JacksonTypeHandler.class)
    private List<String> photos;
    /** Comma-separated {@code Amenity} names. */
    private String amenities;
    private String audience;
    @TableField(typeHandler = WeeklyRulesTypeHandler.class)
    private List<WeeklyRule> weeklyHours;
    private String holidayPolicy;
    private String liveStatus;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String liveNote;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Instant liveUpdatedAt;
    private String checkinCode;
    private String status;
    @Version
    private Integer version;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long communityId) { this.communityId = communityId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKinds() { return kinds; }
    public void setKinds(String kinds) { this.kinds = kinds; }
    public String getServiceLevel() { return serviceLevel; }
    public void setServiceLevel(String serviceLevel) { this.serviceLevel = serviceLevel; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public BigDecimal getLat() { return lat; }
    public void setLat(BigDecimal lat) { this.lat = lat; }
    public BigDecimal getLng() { return lng; }
    public void setLng(BigDecimal lng) { this.lng = lng; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getIntro() { return intro; }
    public void setIntro(String intro) { this.intro = intro; }
    public List<String> getPhotos() { return photos; }
    public void setPhotos(List<String> photos) { this.photos = photos; }
    public String getAmenities() { return amenities; }
    public void setAmenities(String amenities) { this.amenities = amenities; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public List<WeeklyRule> getWeeklyHours() { return weeklyHours; }
    public void setWeeklyHours(List<WeeklyRule> weeklyHours) { this.weeklyHours = weeklyHours; }
    public String getHolidayPolicy() { return holidayPolicy; }
    public void setHolidayPolicy(String holidayPolicy) { this.holidayPolicy = holidayPolicy; }
    public String getLiveStatus() { return liveStatus; }
    public void setLiveStatus(String liveStatus) { this.liveStatus = liveStatus; }
    public String getLiveNote() { return liveNote; }
    public void setLiveNote(String liveNote) { this.liveNote = liveNote; }
    public Instant getLiveUpdatedAt() { return liveUpdatedAt; }
    public void setLiveUpdatedAt(Instant liveUpdatedAt) { this.liveUpdatedAt = liveUpdatedAt; }
    public String getCheckinCode() { return checkinCode; }
    public void setCheckinCode(String checkinCode) { this.checkinCode = checkinCode; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
