/**
 * 三长 (网格长、楼栋长、单元长) and 敲门行动: community admins make users grid heads of a grid (role
 * GRID_HEAD scoped to the grid); a grid head posts wishes for residents without a phone and confirms
 * them for them. Internal to the wish feature.
 */
package cn.doorstep.wish.grid;
