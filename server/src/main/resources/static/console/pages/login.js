// 登录: login name and password; an authenticator code where the role needs one; enrolling one if missing.
import { ref } from 'vue';
import { post, signedIn } from '../api.js';
import { AlertBox } from '../ui.js';

export default {
  components: { AlertBox },
  setup() {
    const loginName = ref(''), password = ref(''), totp = ref('');
    const step = ref('password'); // password | totp | enrol
    const enrolment = ref(null), error = ref(null), busy = ref(false);

    function done(reply) {
      signedIn(reply);
      location.hash = reply.mustChangePassword ? '#/password' : '#/dashboard';
    }
    async function submit() {
      error.value = null; busy.value = true;
      try {
        if (step.value === 'enrol') {
          done(await post('/auth/console/totp/confirm', { loginName: loginName.value, password: password.value, totp: totp.value }));
        } else {
          done(await post('/auth/console/login', { loginName: loginName.value, password: password.value,
            totp: step.value === 'totp' ? totp.value : undefined }));
        }
      } catch (e) {
        if (e.code === 64003) { step.value = 'totp'; totp.value = ''; error.value = null; }
        else if (e.code === 64005) {
          try {
            enrolment.value = await post('/auth/console/totp/enrol', { loginName: loginName.value, password: password.value });
            step.value = 'enrol'; totp.value = '';
          } catch (e2) { error.value = e2; }
        } else { error.value = e; }
      } finally { busy.value = false; }
    }
    return { loginName, password, totp, step, enrolment, error, busy, submit };
  },
  template: `<div class="login-page"><form class="login-box" @submit.prevent="submit" data-test="login-form">
    <h1>家门口 · 社区工作台</h1><div class="sub">社区工作者、站点工作人员与管理员登录</div>
    <alert-box :error="error" />
    <div class="form-row"><span>登录名</span><input data-test="login-name" v-model.trim="loginName" autocomplete="username" :disabled="step !== 'password'" required></div>
    <div class="form-row"><span>密码</span><input data-test="password" type="password" v-model="password" autocomplete="current-password" :disabled="step !== 'password'" required></div>
    <div v-if="step === 'enrol'" class="alert info" data-test="enrol">
      您的角色需要动态验证码。请在身份验证器（如 Google Authenticator、腾讯身份验证器）中添加账户：<br>
      密钥 <b class="mono" data-test="totp-secret">{{ enrolment.secret }}</b><br>
      <span class="mono muted" style="font-size:12px">{{ enrolment.otpauthUri }}</span><br>然后输入它显示的 6 位验证码。
    </div>
    <div v-if="step !== 'password'" class="form-row"><span>动态验证码</span>
      <input data-test="totp" v-model.trim="totp" inputmode="numeric" maxlength="6" placeholder="6 位数字" autocomplete="one-time-code" required></div>
    <button class="btn primary" data-test="submit" :disabled="busy">{{ step === 'enrol' ? '绑定并登录' : '登录' }}</button>
  </form></div>`,
};
