// Small shared pieces: labels in Chinese, the community picker, a pager, time formatting.
import { ref, onMounted, computed } from 'vue';
import { get, hasRole, scopes } from './api.js';

export const LABELS = {
  wishStatus: { PENDING_REVIEW: '待审核', REJECTED: '已驳回', OPEN: '待认领', DISPATCHED: '已派单', CLAIMED: '已认领',
    FULFILLED: '待确认', DISPUTED: '有争议', CONFIRMED: '已完成', CANCELLED: '已取消' },
  wishCategory: { DAILY_HELP: '生活帮扶', REPAIRS: '维修', COMPANY: '陪伴', ELDERLY_CARE: '助老', STUDY_HELP: '助学', OTHER: '其他' },
  review: { PENDING: '待审核', VERIFIED: '已通过', CONFIRMED: '已确认', APPROVED: '已通过', REJECTED: '已驳回',
    LEFT: '已退出', REVOKED: '已撤销' },
  live: { OPEN: '开放', BUSY: '繁忙', FULL: '已满', CLOSED_TODAY: '今日闭站' },
  holiday: { FOLLOW_CALENDAR: '按法定节假日（节假日按周日、调休按周一）', IGNORE_CALENDAR: '不随节假日调整' },
  station: { ACTIVE: '运营中', CLOSED: '已关闭', DELETED: '已删除' },
  reward: { ACTIVE: '上架', WITHDRAWN: '已下架', GOODS: '实物', SERVICE: '服务' },
  redemption: { PENDING: '待领取', REDEEMED: '已核销', CANCELLED: '已取消', EXPIRED: '已过期' },
  role: { RESIDENT: '居民', VOLUNTEER: '志愿者', RIDER: '骑手', STAFF: '站点工作人员', ADMIN: '社区管理员', PLATFORM: '平台管理员',
    GRID_HEAD: '网格长', UNIT_ADMIN: '单位管理员', STREET_ADMIN: '街道管理员', DISTRICT_ADMIN: '区管理员', DEPARTMENT: '职能部门' },
  rankLevel: { COMMUNITY: '社区', STREET: '街道', DEPARTMENT: '职能部门' },
  when: { now: '此刻', evening: '晚间（19:00）', holiday: '节假日' },
  weekday: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
};
export const label = (group, value) => (LABELS[group] && LABELS[group][value]) || value || '—';

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false });
export const fmtTime = iso => (iso ? TIME.format(new Date(iso)).replace(/\//g, '-') : '—');
export const fmtLocal = s => (s ? s.replace('T', ' ').slice(0, 16) : '—');
export const pct = x => (x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%');
export const num = x => (x === null || x === undefined ? '—' : x);
export const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The communities the worker administers (all, for a platform admin), with street and district. */
let regionsCache = null;
export async function myCommunities() {
  if (!regionsCache) regionsCache = get('/regions');
  const districts = await regionsCache;
  const all = [];
  for (const d of districts || []) for (const s of d.streets || []) for (const c of s.communities || []) {
    all.push({ id: c.id, name: c.name, streetId: s.id, streetName: s.name, districtId: d.id, districtName: d.name });
  }
  if (hasRole('PLATFORM')) return all;
  const mine = new Set(scopes('ADMIN'));
  return all.filter(c => mine.has(c.id));
}

export async function regions() {
  if (!regionsCache) regionsCache = get('/regions');
  return regionsCache;
}

/** <community-picker v-model="communityId">: the worker's communities; picks the first by default. */
export const CommunityPicker = {
  props: { modelValue: Number, allowAll: Boolean },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const list = ref([]);
    onMounted(async () => {
      list.value = await myCommunities();
      if (!props.modelValue && !props.allowAll && list.value.length) emit('update:modelValue', list.value[0].id);
    });
    return { list, emit };
  },
  template: `<label class="field">社区
    <select data-test="community" :value="modelValue || ''" @change="emit('update:modelValue', $event.target.value ? Number($event.target.value) : null)">
      <option v-if="allowAll" value="">全部</option>
      <option v-for="c in list" :key="c.id" :value="c.id">{{ c.districtName }} · {{ c.streetName }} · {{ c.name }}</option>
    </select></label>`,
};

/** <pager :page :size :total @go="n => ...">. */
export const Pager = {
  props: { page: Number, size: Number, total: Number },
  emits: ['go'],
  setup(props) {
    const pages = computed(() => Math.max(1, Math.ceil((props.total || 0) / (props.size || 20))));
    return { pages };
  },
  template: `<div class="pager"><span>共 {{ total }} 条</span>
    <button class="btn small" :disabled="page <= 1" @click="$emit('go', page - 1)">上一页</button>
    <span>{{ page }} / {{ pages }}</span>
    <button class="btn small" :disabled="page >= pages" @click="$emit('go', page + 1)">下一页</button></div>`,
};

/** <alert-box :error :ok>: the last failure (with its code) or success of a page. */
export const AlertBox = {
  props: { error: Object, ok: String },
  template: `<div>
    <div v-if="error" class="alert error" data-test="error">{{ error.message }}<span v-if="error.code" class="muted">（错误码 {{ error.code }}）</span></div>
    <div v-if="ok" class="alert success" data-test="ok">{{ ok }}</div></div>`,
};

/** Exposes what a page drew for the browser tests (window.__console), e.g. a chart's option. */
export function expose(name, value) {
  window.__console = window.__console || {};
  window.__console[name] = JSON.parse(JSON.stringify(value));
}

/** The streets and districts the worker may rank or view (all, for a platform admin). */
export async function myAreas() {
  const districts = await regions();
  const platform = hasRole('PLATFORM');
  const streets = new Set(scopes('STREET_ADMIN')), mine = new Set(scopes('DISTRICT_ADMIN'));
  const out = [];
  for (const d of districts || []) {
    if (platform || mine.has(d.id)) out.push({ key: 'districtId:' + d.id, name: d.name, districtId: d.id });
    for (const s of d.streets || []) {
      if (platform || mine.has(d.id) || streets.has(s.id)) out.push({ key: 'streetId:' + s.id, name: d.name + ' · ' + s.name, streetId: s.id });
    }
  }
  return out;
}

/** <area-picker v-model="area">: a street or district ({streetId} or {districtId}); picks the first by default. */
export const AreaPicker = {
  props: { modelValue: Object },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const list = ref([]);
    onMounted(async () => {
      list.value = await myAreas();
      if (!props.modelValue && list.value.length) emit('update:modelValue', list.value[0]);
    });
    const pick = key => emit('update:modelValue', list.value.find(a => a.key === key));
    return { list, pick };
  },
  template: `<label class="field">范围
    <select data-test="area" :value="modelValue ? modelValue.key : ''" @change="pick($event.target.value)">
      <option v-for="a in list" :key="a.key" :value="a.key">{{ a.name }}</option></select></label>`,
};
