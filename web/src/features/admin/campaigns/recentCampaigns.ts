/**
 * Campaigns this browser sent (the API has no list of campaigns), newest first, so an admin
 * can come back to their progress.
 */
const KEY = 'mk.admin.campaigns';

export interface RecentCampaign {
  id: string;
  subject: string;
  at: string;
}

export function recentCampaigns(): RecentCampaign[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentCampaign[]).filter((c) => typeof c?.id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCampaign(campaign: RecentCampaign) {
  const list = [campaign, ...recentCampaigns().filter((c) => c.id !== campaign.id)].slice(0, 20);
  localStorage.setItem(KEY, JSON.stringify(list));
}
