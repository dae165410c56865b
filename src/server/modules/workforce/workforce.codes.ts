import { labels } from '../../platform/labels';

/**
 * Code lists of the real-name registry. Where the 全国建筑工人管理服务信息平台 has a dictionary
 * (trade 工种, ID type, attendance direction) the key is that platform's code, so exchange with it
 * needs no translation table (see docs/national-standard.md; the dictionary is de facto, taken
 * from integration code, not from a published standard).
 */
/** 工种 (national dictionary codes). */
export const TRADES = labels({
  '010': ['砌筑工', 'Bricklayer'],
  '020': ['钢筋工', 'Steel fixer'],
  '030': ['架子工', 'Scaffolder'],
  '040': ['混凝土工', 'Concrete worker'],
  '050': ['模板工', 'Formwork carpenter'],
  '060': ['机械设备安装工', 'Machinery installer'],
  '070': ['通风工', 'Ventilation worker'],
  '080': ['安装起重工', 'Rigger'],
  '090': ['安装钳工', 'Fitter'],
  '100': ['电气设备安装调试工', 'Electrical equipment installer'],
  '110': ['管道工', 'Plumber'],
  '120': ['变电安装工', 'Substation installer'],
  '130': ['建筑电工', 'Construction electrician'],
  '140': ['司泵工', 'Pump operator'],
  '150': ['挖掘铲运和桩工机械司机', 'Earth-moving and piling machine driver'],
  '160': ['桩机操作工', 'Pile driver operator'],
  '170': ['起重信号工', 'Signaller'],
  '180': ['建筑起重机械安装拆卸工', 'Crane erector'],
  '190': ['装饰装修工', 'Decorator'],
  '200': ['室内成套设施安装工', 'Interior fittings installer'],
  '210': ['建筑门窗幕墙安装工', 'Window and curtain-wall installer'],
  '220': ['幕墙制作工', 'Curtain-wall fabricator'],
  '230': ['防水工', 'Waterproofer'],
  '240': ['木工', 'Carpenter'],
  '250': ['石工', 'Stonemason'],
  '270': ['电焊工', 'Welder'],
  '280': ['爆破工', 'Blaster'],
  '290': ['除尘工', 'Dust-control worker'],
  '300': ['测量放线工', 'Surveyor'],
  '310': ['线路架设工', 'Line erector'],
  '380': ['油漆工', 'Painter'],
  '390': ['管理人员', 'Site manager'],
  '400': ['杂工', 'General labourer'],
  '900': ['其他', 'Other'],
});
export type Trade = keyof typeof TRADES;

/** 证件类型 (national codes). Only the resident ID card has a checksum the registry verifies. */
export const ID_TYPES = labels({
  '01': ['居民身份证', 'Resident identity card'],
});

export const WAGE_TYPES = labels({
  daily: ['日薪', 'Daily wage'],
  monthly: ['月薪', 'Monthly wage'],
  piece: ['计件', 'Piece rate'],
});
export type WageType = keyof typeof WAGE_TYPES;

/** RN-01 (建市〔2022〕59号 Art. 8): a labour contract, or a written work agreement where there is no employment relationship. */
export const CONTRACT_KINDS = labels({
  labor_contract: ['劳动合同', 'Labour contract'],
  work_agreement: ['用工书面协议', 'Written work agreement'],
});
export type ContractKind = keyof typeof CONTRACT_KINDS;

export const GENDERS = labels({ male: ['男', 'Male'], female: ['女', 'Female'] });

/** Attendance direction; the national codes are '01' in and '02' out. */
export const DIRECTIONS = labels({ in: ['进场', 'In'], out: ['出场', 'Out'] });
export const NATIONAL_DIRECTION: Record<keyof typeof DIRECTIONS, '01' | '02'> = { in: '01', out: '02' };

/** How a clock event was taken (RN-03 lists the biometric and e-fence methods a region accepts). */
export const ATTENDANCE_METHODS = labels({
  FACE: ['人脸识别', 'Face recognition'],
  FINGER: ['指纹', 'Fingerprint'],
  IRIS: ['虹膜', 'Iris'],
  GPS_FENCE: ['电子围栏定位', 'GPS e-fence'],
  CARD: ['刷卡', 'Card'],
  MANUAL: ['人工登记', 'Manual entry'],
});
export type AttendanceMethod = keyof typeof ATTENDANCE_METHODS;
