package cn.doorstep.schedule.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ServiceDateExceptionMapper extends BaseMapper<ServiceDateException> {

    /** A service's exceptions from a date on, by date. */
    default List<ServiceDateException> selectFrom(long serviceId, LocalDate from) {
        return selectList(new LambdaQueryWrapper<ServiceDateException>().eq(ServiceDateException::getServiceId, serviceId)
                .ge(ServiceDateException::getOnDate, from).orderByAsc(ServiceDateException::getOnDate));
    }

    /** The exceptions of many services from a date on, in one statement; {@code serviceIds} must not be empty. */
    default List<ServiceDateException> selectFrom(Collection<Long> serviceIds, LocalDate from) {
        return selectList(new LambdaQueryWrapper<ServiceDateException>().in(ServiceDateException::getServiceId, serviceIds)
                .ge(ServiceDateException::getOnDate, from)
                .orderByAsc(ServiceDateException::getServiceId, ServiceDateException::getOnDate));
    }

    default int deleteOf(long serviceId) {
        return delete(new LambdaQueryWrapper<ServiceDateException>().eq(ServiceDateException::getServiceId, serviceId));
    }
}
