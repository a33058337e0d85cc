// The council's server state: its bodies, seats with their current holders, terms ending soon, and new memberships.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMembershipRequest, CreateSeatRequest, EndMembershipRequest } from '../../api/client';
import { listCouncilSeats, listTermsEnding } from '../../api/operations';
import { refreshAfterWrite, run } from '../../lib/apiQuery';

export const councilKeys = {
  all: ['council'] as const,
  bodies: () => ['council', 'bodies'] as const,
  seats: (bodyCode: string) => ['council', 'seats', bodyCode] as const,
  termsEnding: (days: number) => ['council', 'terms-ending', days] as const,
};

/** The council itself; working groups have codes of their own. */
export const COUNCIL_BODY = 'council';

/** Terms ending within this many days are listed as ending soon. */
export const TERMS_ENDING_DAYS = 60;

export function useCouncilBodies() {
  return useQuery({ queryKey: councilKeys.bodies(), queryFn: ({ signal }) => run((clients) => clients.council.listCouncilBodies(), signal) });
}

/** A body's seats in order, each with whoever holds it today. */
export function useCouncilSeats(bodyCode: string = COUNCIL_BODY) {
  return useQuery({
    queryKey: councilKeys.seats(bodyCode),
    queryFn: ({ signal }) => run((clients) => listCouncilSeats(clients.council, { bodyCode }), signal),
  });
}

export function useTermsEnding(days: number = TERMS_ENDING_DAYS) {
  return useQuery({
    queryKey: councilKeys.termsEnding(days),
    queryFn: ({ signal }) => run((clients) => listTermsEnding(clients.council, { days }), signal),
  });
}

/** Puts a person in a seat for a term (the secretariat); the seats and the terms ending soon are read again. */
export function useAddMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ seatId, body }: { seatId: number; body: CreateMembershipRequest }) =>
      run((clients) => clients.council.addCouncilMembership(seatId, body)),
    onSuccess: () => refreshAfterWrite(queryClient, councilKeys.all),
  });
}

/** Adds a seat to a body (the secretariat); the seats are read again. */
export function useCreateSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeatRequest) => run((clients) => clients.council.createCouncilSeat(body)),
    onSuccess: () => refreshAfterWrite(queryClient, councilKeys.all),
  });
}

/** Ends a term on a day, without a successor (the secretariat); the seats and the terms ending soon are read again. */
export function useEndMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: number; body: EndMembershipRequest }) =>
      run((clients) => clients.council.endCouncilMembership(membershipId, body)),
    onSuccess: () => refreshAfterWrite(queryClient, councilKeys.all),
  });
}
