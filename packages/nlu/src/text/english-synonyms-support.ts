/**
 * Words customers use for the same thing when they write to a support team,
 * one group per line, written for Parley (not taken from any data set). The
 * first word names the group (a long group goes on over lines that start
 * with its name); "_" joins the words of an entry of two or three words.
 * A word may sit in several groups: "charge" is a fee and a payment.
 */
export const supportSynonyms = `
cancel cancellation terminate termination abort revoke discontinue unsubscribe annul rescind withdraw call_off opt_out scrap nix undo never_mind
cancel forget_it scratch_that disregard negate no_longer
refund reimburse reimbursement repay repayment chargeback money_back
order purchase checkout buy bought
buy purchase bought acquire shop shopping
deliver delivery shipping ship shipment dispatch courier parcel package arrive arrival
track tracking trace whereabouts progress status
address residence postcode zipcode zip street
change modify edit update alter amend adjust switch revise
add include insert append put
remove delete erase clear wipe drop eliminate get_rid take_off cross_off cross_out take_away scratch_off
account profile membership login user username
password passcode passphrase pin credentials
login log_in sign_in signin logon access
register registration signup sign_up enroll enrollment join open_account
subscription subscribe membership newsletter mailing_list
payment pay paid paying remit settle installment charge
money cash fund funds dollar dollars buck bucks currency
salary paycheck wage wages earnings income payroll payday pay_day earn earned earning get_paid
bill invoice statement receipt
fee charge cost price penalty commission surcharge
cost price pricing expensive cheap afford affordable
card debit_card credit_card mastercard amex
broken damaged damage cracked ruined destroyed torn defective faulty malfunction scratched snapped bent burned
broken scraped chewed demagnetized cut_up melted shredded creased wore_off worn_off falling_apart not_working
broken did_not_work does_not_work stopped_working
lost lose missing misplaced misplace stolen steal vanished stole
find locate search seek look_for track_down look_up lookup google
fraud fraudulent scam scammed unauthorized suspicious hacked compromised identity_theft fishy theft thief
fraud unrecognized not_mine did_not_make do_not_recognize
block freeze frozen lock locked hold suspend suspended disable disabled restrict stop
unlock unblock unfreeze reactivate restore
problem issue trouble error bug fault glitch fail failed failure difficulty wrong broken
help assist assistance support aid guide guidance advice
agent human person representative rep operator staff employee someone somebody live_person real_person
talk speak chat converse discuss contact reach call phone ring dial
complaint complain unhappy dissatisfied unsatisfied disappointed angry upset frustrated claim grievance
feedback review opinion comment suggestion survey testimonial stars
question ask query inquiry inquire wonder curious
information info details detail data facts
need want require wish desire would_like
quick quickly fast soon asap immediately urgent urgently right_away hurry promptly rapid speedy straight_away at_once
slow slowly late delay delayed behind overdue
request ask apply application submit petition
status progress pending update
approve approved approval accept accepted confirm confirmed granted cleared authorize green_light
decline declined rejected denied refused bounce bounced
new replacement another renew brand_new
history past previous recent recently record records most_recent latest
spend spent spending expense expenses outgoings
transfer move send wire deposit withdraw withdrawal
balance available remaining left enough plenty sufficient accrued accumulated entitled_to
limit maximum max cap ceiling limits spending_power
increase raise boost improve higher grow better enhance bump rise more build_up
decrease lower reduce less decline drop cut minimize shrink
interest apr percentage yield
loan mortgage borrow lend lender
score rating fico standing
insurance insured coverage policy premium insurer benefits
tax taxes irs deduction filing tax_return tax_rate tax_rates
reward rewards points cashback perks bonus redeem
bank banking branch checking_account savings_account institution credit_union
deposit direct_deposit paycheck
exchange convert conversion currency
free complimentary gratis no_charge
discount coupon promo promotion voucher deal sale offer promo_code
warranty guarantee guaranteed
return send_back exchange
size sizing fit measurement measurements
product item items merchandise article
stock available availability in_stock out_of_stock sold_out
hours opening_hours business_hours open_hours opening_time closing_time open_until
website site web page online app
email mail inbox message
notify notification alert inform warn warning notice heads_up report reported
verify verification confirm validate authenticate double_check
document documents form paperwork file certificate
privacy data personal_data gdpr consent
contract agreement terms terms_and_conditions
upgrade premium pro gold higher_plan
downgrade basic free_plan lower_plan
plan tier package subscription
trial free_trial demo
least lowest minimum min smallest fewest
owe owed owing due outstanding debt
amount total sum quantity
cheap inexpensive affordable budget
expensive pricey costly overpriced
fix repair mend solve resolve sort_out troubleshoot
mistake wrong incorrect error invalid
arrive arrived get_here reach eta
message text sms
recommend recommendation suggest suggestion advise idea ideas tip tips
utility utilities electricity electric internet cable energy water_bill
`;
