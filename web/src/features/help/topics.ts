/**
 * The shop's help and policy pages. They describe what the platform does (emails, unpaid orders,
 * refunds, what is stored), so a shop that changes those settings edits the words here too.
 */
export interface HelpSection {
  heading: string;
  paragraphs: string[];
}

export interface HelpTopic {
  slug: string;
  title: string;
  summary: string;
  sections: HelpSection[];
}

export const HELP_TOPICS: HelpTopic[] = [
  {
    slug: 'delivery',
    title: 'Delivery and returns',
    summary: 'How your order reaches you, and what to do when something is wrong.',
    sections: [
      {
        heading: 'After you order',
        paragraphs: [
          'We email you when your order is placed, when your payment has gone through, when the order ships and if it is cancelled or refunded. Every email names the order by its number (for example MK-10042), which is also on your orders page.',
          'You can follow each order on its page under Your orders: its status changes there as it happens.',
        ],
      },
      {
        heading: 'Unpaid orders',
        paragraphs: [
          'An order holds its items for you while it waits for the payment. If it is not paid after a while, it is cancelled by itself and the items go back on sale. A declined card does not cancel the order: you can pay it another way from its page.',
        ],
      },
      {
        heading: 'Cancelling and refunds',
        paragraphs: [
          'Until an order is paid you can cancel it yourself, on its page. Once it is paid, reply to any of our emails about it: we refund the whole order or the items concerned, to the card or account you paid with, and email you when the refund is made.',
          'If something arrives damaged or is not what you ordered, tell us the same way and we make it right.',
        ],
      },
    ],
  },
  {
    slug: 'terms',
    title: 'Terms of sale',
    summary: 'Prices, payment and when your order is binding.',
    sections: [
      {
        heading: 'Prices',
        paragraphs: [
          'Prices are shown per item. Tax is added at the rate of each item’s category and shown in the basket and at checkout before you pay; the total you see there is what you are charged.',
        ],
      },
      {
        heading: 'Payment',
        paragraphs: [
          'Payments are made through our payment provider. Card details go to the provider and never reach our servers; we keep only the provider’s reference for your payment.',
          'Your order is binding once the payment has gone through and we have emailed your receipt. A declined or failed payment charges nothing.',
        ],
      },
      {
        heading: 'Stock',
        paragraphs: [
          'Placing an order reserves its items for you. If an item sells out while it is in your basket, checkout tells you before you pay.',
        ],
      },
    ],
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    summary: 'What we keep about you, and why.',
    sections: [
      {
        heading: 'What we keep',
        paragraphs: [
          'Your name, email address and, if you give them, your phone number and delivery addresses; your orders and payments (the provider’s reference, never a card number); the reviews you write.',
          'Your password is stored only as a one-way hash: nobody here can read it. A password reset link works once and expires after an hour.',
        ],
      },
      {
        heading: 'Emails and texts',
        paragraphs: [
          'We email you about your orders and your account. If you have saved a phone number, we may also text you about an order.',
          'Offers are sent only if you opted in (on your account page) and have confirmed your email address. Every offer has an unsubscribe link that works without signing in.',
        ],
      },
      {
        heading: 'In your browser',
        paragraphs: [
          'Signing in keeps your session in this browser until you sign out. Before you sign in, a cookie keeps your basket; it joins your account when you sign in.',
        ],
      },
      {
        heading: 'Your choices',
        paragraphs: [
          'You can change your name, phone number, addresses and offers on your account page at any time. To have your account closed, reply to any of our emails.',
        ],
      },
    ],
  },
];

export function helpTopic(slug: string | undefined): HelpTopic | undefined {
  return HELP_TOPICS.find((topic) => topic.slug === slug);
}
