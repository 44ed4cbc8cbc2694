import { ratio, revenueMetrics } from './pipeline-metrics.query';

/** A per-partner revenue row as the revenue SQL returns it. */
function row(
  partner: string | null,
  amount: string,
  payments = 1,
  over: { currency?: string; influencedOnly?: boolean } = {},
) {
  return {
    currency: over.currency ?? 'USD',
    sourced_partner_id: partner,
    influenced_only: over.influencedOnly ?? false,
    amount,
    payments,
  };
}

describe('revenue metrics', () => {
  it('takes the top ⌈10%⌉ of active partners: 2 of 11', () => {
    const rows = [
      row('p01', '500.00'),
      row('p02', '300.00'),
      ...Array.from({ length: 9 }, (_, i) => row(`p1${i}`, '100.00')),
    ];

    // (500 + 300) / 1700
    expect(revenueMetrics(rows).topDecileRevenueShare).toEqual({ USD: 0.4706 });
  });

  it('breaks ties at the boundary by partner id, so the answer never depends on row order', () => {
    const rows = [row('p2', '100.00'), row('p1', '100.00'), row('p3', '50.00')];

    expect(revenueMetrics(rows).topDecileRevenueShare).toEqual(
      revenueMetrics([...rows].reverse()).topDecileRevenueShare,
    );
    expect(revenueMetrics(rows).topDecileRevenueShare.USD).toBe(0.4);
  });

  it('does not count a partner whose only activity in the window is a refund as active', () => {
    const metrics = revenueMetrics([row('p1', '300.00', 2), row('p2', '-30.00', 0)]);

    expect(metrics.partnerSourcedRevenue).toEqual({ USD: '270.00' });
    // 270 / 1 active partner.
    expect(metrics.averageRevenuePerActivePartner).toEqual({ USD: '270.00' });
  });

  it('rounds the average once, half-even, to the currency minor unit', () => {
    const jpy = revenueMetrics([
      row('p1', '5', 1, { currency: 'JPY' }),
      row('p2', '0', 1, { currency: 'JPY' }),
    ]);
    const usd = revenueMetrics([row('p1', '0.05'), row('p2', '0.00')]);

    expect(jpy.averageRevenuePerActivePartner).toEqual({ JPY: '2' }); // 2.5 → 2
    expect(usd.averageRevenuePerActivePartner).toEqual({ USD: '0.02' }); // 0.025 → 0.02
  });

  it('keeps influenced-only revenue apart from sourced revenue, and direct revenue in the total only', () => {
    const metrics = revenueMetrics([
      row('p1', '10.00'),
      row(null, '20.00', 1, { influencedOnly: true }),
      row(null, '40.00'),
    ]);

    expect(metrics).toMatchObject({
      totalRevenue: { USD: '70.00' },
      partnerSourcedRevenue: { USD: '10.00' },
      partnerInfluencedRevenue: { USD: '20.00' },
    });
  });

  it('states ratios to 4 decimals, half-even, and none for an empty denominator', () => {
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio('0.00005', 1)).toBe(0);
    expect(ratio('0.00015', 1)).toBe(0.0002);
    expect(ratio(1, 0)).toBeNull();
  });
});
