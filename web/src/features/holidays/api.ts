// The holiday calendar's server state: one year's holidays, adding one and removing one (with the ETag read just before).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned } from '../../api/api';
import type { CreateHolidayRequest } from '../../api/client';
import { listHolidays } from '../../api/operations';
import { refreshAfterWrite, run } from '../../lib/apiQuery';

export const holidayKeys = {
  all: ['holidays'] as const,
  year: (year: number) => ['holidays', 'year', year] as const,
};

export function useHolidays(year: number) {
  return useQuery({
    queryKey: holidayKeys.year(year),
    queryFn: ({ signal }) => run((clients) => listHolidays(clients.holidays, { year, limit: 200 }), signal),
  });
}

export function useAddHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHolidayRequest) => run((clients) => clients.holidays.createHoliday(body)),
    onSuccess: () => refreshAfterWrite(queryClient, holidayKeys.all),
  });
}

export function useRemoveHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      run(async (clients) => {
        const current = versioned(await clients.holidays.getHoliday(id));
        await clients.holidays.deleteHoliday(id, current.etag);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, holidayKeys.all),
  });
}
