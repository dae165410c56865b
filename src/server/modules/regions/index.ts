// What other modules may use from regions.
export { findRegion, insertRegions, type RegionRow } from './regions.repo';
export { regionFilterPath, regionPath } from './regions.service';
export { regionLevel, parentRegionCode, isValidRegionCode, ancestorCodes } from './regions.rules';
