package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A photo of the wish ({@code eventId} null) or of a fulfilment (its FULFILLED event). */
@TableName("wish_photo")
public class WishPhoto {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long wishId;
    private Long eventId;
    private Integer sortOrder;
    private String url;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getWishId() { return wishId; }
    public void setWishId(Long wishId) { this.wishId = wishId; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
