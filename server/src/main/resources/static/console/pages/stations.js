// 站点: opening hours, holiday policy, live status, services and their slots, activities.
import { ref, watch, reactive } from 'vue';
import { get, put, hasRole, scopes } from '../api.js';
import { AlertBox, CommunityPicker, label, fmtLocal, today, LABELS } from '../ui.js';

export default {
  components: { AlertBox, CommunityPicker },
  setup() {
    const communityId = ref(null), stations = ref([]), current = ref(null), error = ref(null), ok = ref('');
    const services = ref([]), activities = ref([]), slots = reactive({}), date = ref(today());
    const hours = ref([]), policy = ref('FOLLOW_CALENDAR'), live = reactive({ status: 'OPEN', note: '' });
    const isStaffOf = id => scopes('STAFF').includes(id);

    async function load() {
      error.value = null;
      try {
        stations.value = (await get('/admin/stations', { communityId: communityId.value, size: 50 })).items;
        if (stations.value.length) await open(stations.value[0]); else current.value = null;
      } catch (e) { error.value = e; }
    }
    async function open(s) {
      current.value = s; ok.value = '';
      hours.value = (s.weeklyHours || []).map(w => ({ ...w }));
      policy.value = s.holidayPolicy || 'FOLLOW_CALENDAR';
      live.status = s.liveStatus || 'OPEN'; live.note = s.liveNote || '';
      try {
        services.value = (await get(`/stations/${s.id}/services`, { size: 50 })).items;
        activities.value = (await get(`/stations/${s.id}/activities`, { size: 20 })).items;
        await loadSlots();
      } catch (e) { error.value = e; }
    }
    async function loadSlots() {
      for (const sv of services.value) slots[sv.id] = await get(`/services/${sv.id}/slots`, { date: date.value });
    }
    async function saveHours() {
      error.value = null; ok.value = '';
      try {
        const saved = await put(`/admin/stations/${current.value.id}/hours`, { weeklyHours: hours.value, holidayPolicy: policy.value });
        Object.assign(current.value, saved); ok.value = '开放时间已保存';
      } catch (e) { error.value = e; }
    }
    async function saveLive() {
      error.value = null; ok.value = '';
      try {
        const saved = await put(`/staff/stations/${current.value.id}/live-status`, { status: live.status, note: live.note || null });
        Object.assign(current.value, saved); ok.value = '实时状态已更新';
      } catch (e) { error.value = e; }
    }
    watch(communityId, load);
    watch(date, loadSlots);
    return { communityId, stations, current, error, ok, services, activities, slots, date, hours, policy, live,
      open, saveHours, saveLive, isStaffOf, label, fmtLocal, LABELS,
      addWindow: () => hours.value.push({ day: 1, opens: '09:00', closes: '17:00' }),
      removeWindow: i => hours.value.splice(i, 1) };
  },
  template: `<div>
    <div class="card"><div class="toolbar"><community-picker v-model="communityId" /></div>
      <alert-box :error="error" :ok="ok" />
      <table class="table" data-test="stations"><thead><tr><th>站点</th><th>地址</th><th>状态</th><th>实时</th><th>节假日</th><th></th></tr></thead>
        <tbody><tr v-for="s in stations" :key="s.id">
          <td>{{ s.name }}</td><td>{{ s.address }}</td><td>{{ label('station', s.status) }}</td>
          <td><span class="tag" :class="s.liveStatus === 'OPEN' ? 'success' : 'warning'">{{ label('live', s.liveStatus) }}</span></td>
          <td>{{ s.holidayPolicy === 'IGNORE_CALENDAR' ? '不调整' : '按节假日' }}</td>
          <td><a @click="open(s)">查看</a></td></tr>
          <tr v-if="!stations.length"><td colspan="6" class="empty">暂无站点</td></tr></tbody></table></div>
    <div v-if="current" class="grid cols-2">
      <div class="card"><h3>{{ current.name }} · 开放时间</h3>
        <table class="table"><tbody><tr v-for="(w, i) in hours" :key="i">
          <td><select v-model.number="w.day"><option v-for="d in 7" :key="d" :value="d">{{ LABELS.weekday[d] }}</option></select></td>
          <td><input v-model="w.opens" style="width:80px"> – <input v-model="w.closes" style="width:80px"></td>
          <td><a @click="removeWindow(i)">删除</a></td></tr></tbody></table>
        <div class="toolbar" style="margin-top:10px"><button class="btn small" @click="addWindow">添加时段</button></div>
        <div class="form-row"><span>节假日规则</span><select v-model="policy" data-test="holiday-policy">
          <option v-for="(t, k) in LABELS.holiday" :key="k" :value="k">{{ t }}</option></select></div>
        <button class="btn primary" data-test="save-hours" @click="saveHours">保存开放时间</button>
        <h3 style="margin-top:20px">实时状态</h3>
        <div class="toolbar"><select v-model="live.status"><option v-for="(t, k) in LABELS.live" :key="k" :value="k">{{ t }}</option></select>
          <input v-model="live.note" placeholder="说明（可选）">
          <button class="btn" :disabled="!isStaffOf(current.id)" :title="isStaffOf(current.id) ? '' : '仅本站工作人员可设置'" @click="saveLive">更新</button></div>
      </div>
      <div class="card"><h3>服务与时段</h3>
        <div class="toolbar"><label class="field">日期 <input type="date" v-model="date"></label></div>
        <div v-for="sv in services" :key="sv.id" style="margin-bottom:12px"><b>{{ sv.name }}</b>
          <span class="muted">（每段 {{ sv.slotMinutes }} 分钟，容量 {{ sv.capacity }}）</span>
          <div><span v-for="sl in slots[sv.id] || []" :key="sl.id" class="tag" :class="sl.seatsLeft ? 'success' : 'info'">
            {{ fmtLocal(sl.startsAt).slice(11) }} 余 {{ sl.seatsLeft }}</span>
            <span v-if="!(slots[sv.id] || []).length" class="muted">当日无时段</span></div></div>
        <p v-if="!services.length" class="muted">暂无可预约服务</p>
        <h3 style="margin-top:16px">活动</h3>
        <table class="table"><tbody><tr v-for="a in activities" :key="a.id"><td>{{ a.title }}</td><td>{{ fmtLocal(a.startsAt) }}</td><td>余 {{ a.seatsLeft }}/{{ a.capacity }}</td></tr>
          <tr v-if="!activities.length"><td class="empty">暂无活动</td></tr></tbody></table>
      </div>
    </div></div>`,
};
