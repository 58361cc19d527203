package cn.doorstep.wish.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface WishEventMapper extends BaseMapper<WishEvent> {

    default List<WishEvent> selectOfWish(long wishId) {
        return selectList(new LambdaQueryWrapper<WishEvent>().eq(WishEvent::getWishId, wishId).orderByAsc(WishEvent::getId));
    }
}
