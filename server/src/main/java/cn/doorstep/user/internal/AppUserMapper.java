package cn.doorstep.user.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AppUserMapper extends BaseMapper<AppUser> {

    default AppUser selectByOpenid(String openid) {
        return selectOne(new LambdaQueryWrapper<AppUser>().eq(AppUser::getOpenid, openid));
    }

    /** Disables an enabled account; an already disabled one keeps its first time (0 rows). */
    default int disable(long id, Instant at) {
        return update(new AppUser(), new LambdaUpdateWrapper<AppUser>().set(AppUser::getDisabledAt, at)
                .eq(AppUser::getId, id).isNull(AppUser::getDisabledAt));
    }

    /** Clears {@code disabled_at}: an explicit SET, since updateById never writes a null. */
    default int enable(long id) {
        return update(new AppUser(), new LambdaUpdateWrapper<AppUser>().set(AppUser::getDisabledAt, null)
                .eq(AppUser::getId, id).isNotNull(AppUser::getDisabledAt));
    }
}
