package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface WishPhotoMapper extends BaseMapper<WishPhoto> {

    /** Every photo of the wish: its own (no event) and each fulfilment's. */
    default List<WishPhoto> selectOfWish(long wishId) {
        return selectList(new LambdaQueryWrapper<WishPhoto>().eq(WishPhoto::getWishId, wishId)
                .orderByAsc(WishPhoto::getEventId).orderByAsc(WishPhoto::getSortOrder));
    }

    /** Where a photo is used (a withdrawn or held image's wishes). */
    default List<WishPhoto> selectByUrl(String url) {
        return selectList(new LambdaQueryWrapper<WishPhoto>().eq(WishPhoto::getUrl, url));
    }

    /** The wishes' own first photos, for the wall's cards. */
    default List<WishPhoto> selectCovers(Collection<Long> wishIds) {
        return selectList(new LambdaQueryWrapper<WishPhoto>().in(WishPhoto::getWishId, wishIds)
                .isNull(WishPhoto::getEventId).eq(WishPhoto::getSortOrder, 0));
    }
}
