package cn.doorstep.points.rank;

import cn.doorstep.points.PointsService;
import cn.doorstep.user.VolunteerProfile;
import cn.doorstep.user.VolunteerProfiles;
import org.springframework.stereotype.Component;

/**
 * Volunteer stars (志愿星级), by points earned over all time: one star to start, two from 100, three
 * from 300, four from 1,000, five from 3,000. Shown on {@code GET /me} with the member code.
 */
@Component
class Stars implements VolunteerProfiles {

    static final long[] THRESHOLDS = {0, 100, 300, 1_000, 3_000};

    private final PointsService points;

    Stars(PointsService points) {
        this.points = points;
    }

    static int forPoints(long earned) {
        int stars = 0;
        for (long threshold : THRESHOLDS) {
            if (earned >= threshold) {
                stars++;
            }
        }
        return stars;
    }

    @Override
    public VolunteerProfile of(long userId) {
        PointsService.Member member = points.member(userId);
        return new VolunteerProfile(member.memberCode(), forPoints(member.earned()), member.earned(),
                member.serviceHours());
    }
}
