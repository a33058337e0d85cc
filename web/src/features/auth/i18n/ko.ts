/** The auth strings in Korean; en.ts has the same keys. Composed into src/i18n/ko.ts. */
export const authKo = {
  auth: {
    title: '로그인',
    intro: '바이오 클러스터 협의체 업무 시스템입니다. 발급받은 계정으로 로그인해 주세요.',
    username: '아이디',
    password: '비밀번호',
    submit: '로그인',
    submitting: '로그인 중…',
    wrongCredentials: '아이디 또는 비밀번호가 올바르지 않습니다.',
    locked: '로그인 시도가 너무 많아 잠겼습니다. {minutes}분 후에 다시 시도해 주세요.',
    lockedNoTime: '로그인 시도가 너무 많아 잠겼습니다. 잠시 후 다시 시도하거나 관리자에게 잠금 해제를 요청해 주세요.',
    expired: '로그인이 만료되었습니다. 다시 로그인하면 보던 화면으로 돌아갑니다.',
    signedOut: '로그아웃했습니다.',
    checking: '로그인 상태를 확인하는 중입니다…',
    help: '계정이 없거나 비밀번호를 잊었다면 협의체 관리자에게 문의해 주세요.',
  },
  userMenu: {
    label: '사용자 메뉴',
    role: '역할',
    agency: '소속 기관',
    noAgency: '소속 기관 없음',
    account: '내 계정 · 비밀번호 변경',
    signOut: '로그아웃',
    signingOut: '로그아웃 중…',
  },
};
