/**
 * The organisation chain everything hangs from: district → street → community → grid
 * (区 → 街道 → 社区 → 网格). Owns tables {@code district}, {@code street}, {@code community},
 * {@code grid}; no Redis keys.
 */
package cn.doorstep.community;
