import { defineParams } from '../../platform/params/params.registry';
import { ATTENDANCE_METHODS } from '../workforce/workforce.codes';

const REAL_NAME = { zh: '《建筑工人实名制管理办法（试行）》（建市〔2019〕18号）', en: 'Measures on Real-Name Management of Construction Workers (Jian Shi [2019] No. 18)' };

/** Attendance's legal parameters (RULES.md RN-03, RN-04). */
defineParams([
  {
    id: 'RN-03.attendanceMethods',
    module: 'attendance',
    name: { zh: '认可的考勤方式（封闭工地生物识别，无法封闭时电子围栏）', en: 'Accepted attendance methods (biometrics at gated sites, e-fence otherwise)' },
    type: 'enum_set',
    options: Object.keys(ATTENDANCE_METHODS),
    default: ['FACE', 'FINGER', 'IRIS', 'GPS_FENCE'],
    regionOverridable: true,
    citation: { zh: `${REAL_NAME.zh}第13、14条（二手转述）`, en: `${REAL_NAME.en}, Arts. 13–14 (secondary source)`, source: 'RULES.md RN-03' },
  },
  {
    id: 'RN-04.attendanceRetentionYears',
    module: 'attendance',
    name: { zh: '电子考勤及影像资料保存年限', en: 'Retention of electronic attendance and images' },
    type: 'duration_years',
    unit: { zh: '年', en: 'years' },
    default: 2,
    min: 2,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${REAL_NAME.zh}（年限待核实）`, en: `${REAL_NAME.en} (period unverified)`, source: 'RULES.md RN-04' },
  },
]);
