package cn.doorstep.auth.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ConsoleCredentialMapper extends BaseMapper<ConsoleCredential> {

    default ConsoleCredential selectByLoginName(String loginName) {
        return selectOne(new LambdaQueryWrapper<ConsoleCredential>().eq(ConsoleCredential::getLoginName, loginName));
    }

    default boolean loginNameTakenByAnother(String loginName, long userId) {
        return exists(new LambdaQueryWrapper<ConsoleCredential>().eq(ConsoleCredential::getLoginName, loginName)
                .ne(ConsoleCredential::getUserId, userId));
    }

    /** Confirms the pending secret, if it is still the one the caller checked the code against. */
    default int confirmPending(long userId, String pending, Instant at) {
        return update(null, new LambdaUpdateWrapper<ConsoleCredential>()
                .set(ConsoleCredential::getTotpSecret, pending).set(ConsoleCredential::getTotpPending, null)
                .set(ConsoleCredential::getUpdatedAt, at)
                .eq(ConsoleCredential::getUserId, userId).eq(ConsoleCredential::getTotpPending, pending)
                .isNull(ConsoleCredential::getTotpSecret));
    }
}
